// Export/import benchmark: `npx tsx bench/backup/run.ts`.
//
// Seeds a SQLite database of about 100,000 rows (5 users, 2,000 movies, 400 shows × 20 episodes,
// 50,000 watch states, 40,000 history rows), then, each in its own process, side by side for
// ROUNDS rounds: `npm run export`'s streamed export against an in-memory baseline (every table read
// whole, one JSON.stringify), and `npm run import` into a fresh database against an in-memory
// baseline (one JSON.parse, then createMany). Figures: wall time and the process's peak RSS.
// What issue 17 asks: an export that does not hold the database in memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { factLines, runBenchmark } from '../machine';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const USERS = 5;
const MOVIES = 2000;
const SHOWS = 400;
const EPISODES = 20;
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const root = join(import.meta.dirname, '../..');

type Run = { ms: number; maxRssMb: number };

function child(mode: string, file: string, dataDir: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/backup/child.ts'), mode, file], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, 'marquee.db')}`, AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = out.trim().split('\n').at(-1)!;
  const r = JSON.parse(line) as Run & { code: number };
  if (r.code !== 0) throw new Error(`${mode}: exit ${r.code}\n${out}`);
  return r;
}

async function seed(dataDir: string): Promise<number> {
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${join(dataDir, 'marquee.db')}`;
  process.env.AUTH_SECRET = 'bench-secret-0123456789abcdef0123456789';
  const { db, disconnectDb } = await import('../../lib/db');
  const { migrate } = await import('../../lib/migrate');
  const { config } = await import('../../lib/config');
  await migrate(config().db);
  const users = [];
  for (let i = 0; i < USERS; i++) users.push(await db.user.create({ data: { username: `viewer${i}`, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$bench$bench' } }));
  const lib = await db.library.create({ data: { name: 'Bench', type: 'mixed', folders: { create: [{ path: '/bench/none' }] } } });
  await db.mediaItem.createMany({ data: Array.from({ length: MOVIES }, (_, i) => ({ libraryId: lib.id, kind: 'movie' as const, identityKey: `movie:${i}`, title: `Movie ${i}`, sortTitle: `movie ${i}`, year: 1950 + (i % 70), overview: 'An overview of a reasonable length, as a real film has one. '.repeat(3) })) });
  await db.mediaItem.createMany({ data: Array.from({ length: SHOWS }, (_, i) => ({ libraryId: lib.id, kind: 'show' as const, identityKey: `show:${i}`, title: `Show ${i}`, sortTitle: `show ${i}` })) });
  const shows = await db.mediaItem.findMany({ where: { kind: 'show' }, select: { id: true } });
  for (const show of shows) {
    const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
    await db.episode.createMany({ data: Array.from({ length: EPISODES }, (_, e) => ({ showId: show.id, seasonId: season.id, seasonNumber: 1, number: e + 1, title: `Episode ${e + 1}` })) });
  }
  const movies = await db.mediaItem.findMany({ where: { kind: 'movie' }, select: { id: true } });
  const episodes = await db.episode.findMany({ select: { id: true } });
  for (const u of users) {
    const states = [...movies.map((m) => ({ userId: u.id, itemId: m.id, watched: true, playCount: 1, lastWatchedAt: new Date() })), ...episodes.map((e) => ({ userId: u.id, episodeId: e.id, positionSecs: 600, lastWatchedAt: new Date() }))];
    for (let i = 0; i < states.length; i += 1000) await db.watchState.createMany({ data: states.slice(i, i + 1000) });
    const events = episodes.map((e) => ({ userId: u.id, episodeId: e.id, watchedAt: new Date() }));
    for (let i = 0; i < events.length; i += 1000) await db.watchEvent.createMany({ data: events.slice(i, i + 1000) });
  }
  const counts = await Promise.all([db.user.count(), db.mediaItem.count(), db.season.count(), db.episode.count(), db.watchState.count(), db.watchEvent.count(), db.library.count(), db.libraryFolder.count()]);
  await disconnectDb();
  return counts.reduce((a, b) => a + b, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'marquee-bench-backup-'));
  try {
    const source = join(work, 'source');
    const rows = await seed(source);
    log(`seeded ${rows} rows`);
    const results: Record<string, Run[]> = { export: [], 'naive-export': [], import: [], 'naive-import': [] };
    let exportSize = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['export', 'naive-export'] as const) {
        const file = join(work, `${mode}-${round}.json`);
        results[mode].push(child(mode, file, source));
        if (mode === 'export') exportSize = statSync(file).size;
      }
      for (const mode of ['import', 'naive-import'] as const) {
        const target = join(work, `${mode}-${round}`);
        results[mode].push(child(mode, join(work, `${mode === 'import' ? 'export' : 'naive-export'}-${round}.json`), target));
      }
      log(`round ${round + 1}: ${Object.entries(results).map(([k, v]) => `${k} ${v.at(-1)!.ms} ms / ${v.at(-1)!.maxRssMb} MB`).join(', ')}`);
    }
    const node = execFileSync(process.execPath, ['-e', 'console.log(Math.round(process.resourceUsage().maxRSS/1024))'], { encoding: 'utf8' }).trim();
    console.log(['', ...factLines(), `- ${rows} rows; export file ${(exportSize / 2 ** 20).toFixed(1)} MB; ${ROUNDS} rounds, median (range); a bare \`node -e\` peaks at ${node} MB`, ''].join('\n'));
    console.log('| Run | Wall time | Peak RSS |');
    console.log('|---|---|---|');
    for (const [mode, runs] of Object.entries(results)) {
      const label = { export: 'Marquee export (streamed)', 'naive-export': 'Baseline: export in memory', import: 'Marquee import (streamed, one transaction)', 'naive-import': 'Baseline: import in memory' }[mode];
      console.log(`| ${label} | ${median(runs.map((r) => r.ms))} ms (${range(runs.map((r) => r.ms))}) | ${median(runs.map((r) => r.maxRssMb))} MB (${range(runs.map((r) => r.maxRssMb))}) |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runBenchmark(main);
