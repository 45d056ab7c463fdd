#!/usr/bin/env bash
# `npm test`: lint (with the lib/ folder-cycle check), typecheck, unit, integration (SQLite, and PostgreSQL when one answers), e2e.
# Ends with one summary line: "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=test-results
rm -rf "$results" && mkdir -p "$results"
status=0

step() { echo; echo "=== $1"; }
run_vitest() { # name, then vitest args
  local name=$1; shift
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$results/$name.json" || status=1
}

bash scripts/ensure-system-deps.sh || exit 1
step "lint";        npx eslint . || status=1
npx tsx scripts/check-folder-cycles.ts || status=1 # no import loop between lib/ folders, no infrastructure → domain import
step "typecheck";   npx tsc --noEmit || status=1
step "unit";        run_vitest unit --project unit
step "integration (SQLite)"; run_vitest int-sqlite --project integration
# Playback once more with the 2018 ffmpeg bundled from npm: what a machine without ffmpeg runs.
bundled=$(node -e "process.stdout.write(require('@ffmpeg-installer/ffmpeg').path)" 2>/dev/null || true)
if [ -x "$bundled" ]; then
  step "playback with the bundled ffmpeg ($bundled)"; FFMPEG_PATH=$bundled run_vitest int-bundled-ffmpeg --project integration lib/stream lib/media
else
  echo "[test] @ffmpeg-installer/ffmpeg has no binary for this platform: the bundled-ffmpeg pass is skipped."
fi
pg_url=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1],connectionTimeoutMillis:2000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$pg_url"; then
  step "integration (PostgreSQL)"; TEST_DB=postgres run_vitest int-postgres --project integration
else
  echo "[test] no PostgreSQL at $pg_url: the PostgreSQL pass is skipped (CI has one)."
fi
step "e2e (Chromium)"; run_vitest e2e --project e2e

node scripts/test-summary.mjs "$results" || status=1
exit $status
