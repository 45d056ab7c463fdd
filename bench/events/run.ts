// Events between processes: `npx tsx bench/events/run.ts`.
//
// What crosses the web ↔ worker seam — a player's segment request (web → worker) and a scan's
// progress (worker → web) — now goes through lib/events: on the default install (SQLite) the
// Unix-socket mesh, on PostgreSQL LISTEN/NOTIFY. This measures the one-way latency of a real
// event from this process to a second one (bench/events/receiver.ts), next to the old loops the
// events replaced, run side by side in the same receiver on the same machine: a row written here
// and polled there every 150 ms (the transcode job's row poll) and every 500 ms (the scan
// progress stream's poll). Target (issue 12): ≤ 20 ms p95.
// Set BENCH_DB=postgres to measure LISTEN/NOTIFY against the PostgreSQL at 127.0.0.1:5432.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { factLines, runBenchmark, verdict } from '../machine';
import { benchSent } from './bench-events';

const EVENTS = 400;
const WRITES = 40;
const dataDir = mkdtempSync(join(tmpdir(), 'marquee-bench-events-'));
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET = 'bench-events-secret-0123456789abcdef012345';
if (process.env.BENCH_DB === 'postgres') process.env.DATABASE_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

runBenchmark(async () => {
  const { config } = await import('../../lib/config');
  const { events, notify, closeEvents } = await import('../../lib/events/events');
  const sqlite = new Database(join(dataDir, 'bench-signal.db'));
  sqlite.exec('CREATE TABLE signal (id INTEGER PRIMARY KEY, value INTEGER, writtenAt REAL)');
  const write = sqlite.prepare('INSERT INTO signal (id, value, writtenAt) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET value = excluded.value, writtenAt = excluded.writtenAt');
  write.run(0, now());

  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'receiver.ts')], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  while (!out.includes('ready')) await sleep(20);
  // The receiver's socket appears in the mesh folder: give discovery a moment, then warm up.
  events();
  for (let i = 0; i < 20; i++) {
    notify(benchSent, { seq: -1, sentAt: now() });
    await sleep(50);
  }

  // Events at a steady trickle with jitter (a player asks for a segment every few seconds; a scan
  // reports progress once a second): one at a time, so each is measured on an idle path.
  for (let i = 0; i < EVENTS; i++) {
    notify(benchSent, { seq: i, sentAt: now() });
    await sleep(10 + Math.random() * 20);
  }
  // The old loops: a row written at random moments, noticed at the receiver's next poll.
  for (let i = 1; i <= WRITES; i++) {
    await sleep(200 + Math.random() * 500);
    write.run(i, now());
  }
  await sleep(700);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('close', r));
  const line = out.split('\n').find((l) => l.startsWith('{'))!;
  const lat = JSON.parse(line) as Record<string, number[]>;
  lat.event = lat.event.slice(20); // the warm-up
  await closeEvents();
  rmSync(dataDir, { recursive: true, force: true });

  const kind = config().db.provider === 'postgresql' ? 'PostgreSQL LISTEN/NOTIFY' : 'Unix-socket mesh (SQLite install)';
  const p95 = pct(lat.event, 0.95);
  const rows = [
    `| Event through lib/events (${kind}) | ${fmt(pct(lat.event, 0.5))} | ${fmt(p95)} | ${fmt(Math.max(...lat.event))} | ${lat.event.length} | ≤ 20 ms p95 | ${verdict(p95 <= 20)} |`,
    `| Old loop: row polled every 150 ms (transcode job) | ${fmt(pct(lat.poll150, 0.5))} | ${fmt(pct(lat.poll150, 0.95))} | ${fmt(Math.max(...lat.poll150))} | ${lat.poll150.length} | – | baseline |`,
    `| Old loop: row polled every 500 ms (scan progress SSE) | ${fmt(pct(lat.poll500, 0.5))} | ${fmt(pct(lat.poll500, 0.95))} | ${fmt(Math.max(...lat.poll500))} | ${lat.poll500.length} | – | baseline |`,
  ];
  console.log(['', '### Events between processes — `npx tsx bench/events/run.ts`', '', ...factLines(`; ${kind}`), '', '| Path (one way, process → process) | p50 | p95 | max | samples | Target | Result |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n'));
});
