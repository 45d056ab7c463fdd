// Load benchmark (issue 14): `npx tsx bench/load/run.ts`.
//
// Starts the real app (`npm start`'s launcher, SQLite; the web process CPU-profiled in the loaded
// phase through bench/load/profile-preload.mjs),
// seeds a tracking list (200 shows × 10 episodes, 100 followed), then puts 50 connections on the
// hot reads for SECONDS s — 25 on GET /api/health, 25 on GET /api/v1/tracking/shows (Bearer),
// autocannon's 10 s timeout — twice, side by side: with the worker idle (the baseline), and while
// the worker scans a new library of FILES small videos. Figures: p50/p99, timeouts, req/s, how far
// the scan got; then where the web process spent its CPU in the loaded phase (self time, top
// frames of its profile). Target: 0 timeouts and p99 ≤ 500 ms on the hot reads while a scan runs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { factLines, runBenchmark, verdict } from '../machine';
import { cpuByArea, topFrames } from '../profile';
import { startApp, waitFor, type RunningApp } from '../../e2e/harness';

const SECONDS = Number(process.env.SECONDS_PER_PHASE ?? 60);
const FILES = Number(process.env.FILES ?? 1500);
const CONNECTIONS = 50;
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

type Figures = { p50: number; p99: number; timeouts: number; errors: number; non2xx: number; rps: number; unanswered: number };

async function load(url: string, headers: Record<string, string>, connections: number): Promise<Figures> {
  const r = await autocannon({ url, headers, connections, duration: SECONDS, timeout: 10 });
  if (process.env.BENCH_DEBUG) console.log(url, JSON.stringify({ total: r.requests.total, codes: r.statusCodeStats, errors: r.errors, latency: r.latency }));
  // Requests in flight when the phase ended (at most one per connection) are cut off, not failed:
  // shown apart, and more than the connections would mean requests lost on the way.
  const unanswered = Math.max(0, (r.requests as unknown as { sent: number }).sent - r.requests.total);
  return { p50: r.latency.p50, p99: r.latency.p99, timeouts: r.timeouts, errors: r.errors, non2xx: r.non2xx, rps: r.requests.average, unanswered };
}

async function main() {
  let app: RunningApp | undefined;
  const media = mkdtempSync(join(tmpdir(), 'marquee-bench-load-'));
  const profDir = join(process.cwd(), 'bench', 'load', '.profiles');
  rmSync(profDir, { recursive: true, force: true });
  try {
    mkdirSync(profDir, { recursive: true });
    app = await startApp({ SAMPLE_LIBRARY: 'false', NODE_OPTIONS: `--import=${join(import.meta.dirname, 'profile-preload.mjs')}`, BENCH_PROFILE_DIR: profDir });
    const json = { 'content-type': 'application/json' };
    await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'viewer', password: 'bench-password' }) });
    const token = (await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'viewer', password: 'bench-password' }) })).json()).token as string;
    const auth = { authorization: `Bearer ${token}` };

    // The tracking list, seeded through our own database layer pointed at the app's database.
    process.env.DATA_DIR = app.dataDir;
    process.env.DATABASE_URL = `file:${join(app.dataDir, 'marquee.db')}`;
    const { db } = await import('../../lib/db');
    const user = await db.user.findFirstOrThrow({ where: { username: 'viewer' } });
    const tvLib = await db.library.create({ data: { name: 'Seeded', type: 'tv', scanIntervalMinutes: 0, folders: { create: [{ path: join(media, 'seeded-none') }] } } });
    for (let s = 0; s < 200; s++) {
      const show = await db.mediaItem.create({ data: { libraryId: tvLib.id, kind: 'show', identityKey: `show:${s}`, title: `Show ${s}`, sortTitle: `show ${s}` } });
      const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
      await db.episode.createMany({ data: Array.from({ length: 10 }, (_, e) => ({ showId: show.id, seasonId: season.id, seasonNumber: 1, number: e + 1, airDate: `2020-01-${String(e + 1).padStart(2, '0')}` })) });
      if (s < 100) await db.follow.create({ data: { userId: user.id, showId: show.id } });
    }
    const episodes = await db.episode.findMany({ select: { id: true }, take: 1000 });
    await db.watchState.createMany({ data: episodes.map((e, i) => ({ userId: user.id, episodeId: e.id, watched: true, playCount: 1, lastWatchedAt: new Date(Date.now() - i * 60_000) })) });
    const { rebuildShowWatch } = await import('../../lib/tracking/reads/rewrite-show-watch');
    await rebuildShowWatch();
    const shows = await (await fetch(`${app.url}/api/v1/tracking/shows`, { headers: auth })).json();
    if (!Array.isArray(shows) || shows.length !== 100) throw new Error(`tracking list: ${JSON.stringify(shows).slice(0, 200)}`);

    // The files the scan will work through: one 2 s clip, copied under FILES names.
    // Outside DATA_DIR: a library may not live in the app's own folders.
    const folder = join(media, 'scan-me');
    mkdirSync(folder, { recursive: true });
    const clip = join(media, 'clip.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=24:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', clip]);
    for (let i = 0; i < FILES; i++) copyFileSync(clip, join(folder, `Film Number ${i} (${1950 + (i % 70)}).mp4`));

    const phase = async () => Promise.all([load(`${app!.url}/api/health`, {}, CONNECTIONS / 2), load(`${app!.url}/api/v1/tracking/shows`, auth, CONNECTIONS / 2)]);
    log(`baseline: ${CONNECTIONS} connections for ${SECONDS} s, worker idle…`);
    const [idleHealth, idleShows] = await phase();

    const admin = await db.user.findFirstOrThrow({ where: { username: 'viewer' } });
    if (admin.role !== 'admin') throw new Error('the first account should be the admin');
    const created = await fetch(`${app.url}/api/v1/library`, { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ name: 'Scan me', type: 'movies', paths: [folder] }) });
    if (created.status !== 201) throw new Error(`library: ${created.status} ${await created.text()}`);
    const libraryId = (await created.json()).id as string;
    const filesAt = () => db.mediaFile.count({ where: { libraryId } });
    log(`loaded: the same while the worker scans ${FILES} files…`);
    const scanStart = await filesAt();
    const webPid = app.pids()?.web;
    if (webPid) process.kill(webPid, 'SIGUSR2'); // start the web process's profile
    const [busyHealth, busyShows] = await phase();
    if (webPid) process.kill(webPid, 'SIGUSR2'); // and write it
    const webProfile = webPid ? await waitFor(() => readdirSync(profDir).find((f) => f === `${webPid}.cpuprofile`), { timeoutMs: 30_000, what: 'the profile' }) : undefined;
    const loopFile = webPid ? join(profDir, `${webPid}.loop.json`) : undefined;
    const loopDelay = loopFile ? (JSON.parse(readFileSync(loopFile, 'utf8')) as { p50: number; p99: number; max: number; resolution: number }) : undefined;
    const scanned = (await filesAt()) - scanStart;
    const status = (await db.library.findUniqueOrThrow({ where: { id: libraryId } })).scanStatus;
    await app.stop();
    app = undefined;

    const row = (name: string, f: Figures, target: boolean) =>
      `| ${name} | ${f.p50} ms | ${f.p99} ms | ${f.timeouts} | ${f.unanswered} | ${f.errors + f.non2xx} | ${f.rps.toFixed(0)} | ${target ? verdict(f.timeouts === 0 && f.errors + f.non2xx === 0 && f.unanswered <= CONNECTIONS / 2 && f.p99 <= 500 && f.rps > 0) : '–'} |`;
    console.log(
      [
        '',
        '### Hot reads under load while a scan runs — `npx tsx bench/load/run.ts` (issue 14)',
        '',
        ...factLines('; SQLite'),
        `- ${CONNECTIONS} connections (25 per endpoint) for ${SECONDS} s per phase; autocannon timeout 10 s; scan of ${FILES} copies of a 2 s clip: ${scanned} files recorded during the loaded phase, scan status at its end: ${status}`,
        '',
        '| Endpoint, phase | p50 | p99 | Timeouts | In flight at the end (cut off) | Errors | req/s | Target (0 timeouts, p99 ≤ 500 ms) |',
        '|---|---|---|---|---|---|---|---|',
        row('GET /api/health, worker idle (baseline)', idleHealth, false),
        row('GET /api/v1/tracking/shows, worker idle (baseline)', idleShows, false),
        row('GET /api/health, scan running', busyHealth, true),
        row('GET /api/v1/tracking/shows, scan running', busyShows, true),
        '',
        `- Web process event loop over the loaded phase: ${loopDelay ? `delay p50 ${loopDelay.p50} ms, p99 ${loopDelay.p99} ms, max ${loopDelay.max} ms (sampled every ${loopDelay.resolution} ms)` : 'not recorded'}`,
        `- Web process CPU by area (self time): ${webProfile ? cpuByArea(join(profDir, webProfile)) : 'no profile'}`,
        `- Web process CPU, self time, top frames (${webProfile ?? 'no profile found'}):`,
        ...(webProfile ? topFrames(join(profDir, webProfile)).map((l) => `  - ${l}`) : []),
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (app) console.error(app.output().slice(-3000));
    throw err;
  } finally {
    await app?.stop();
    rmSync(media, { recursive: true, force: true });
  }
}

runBenchmark(main);
