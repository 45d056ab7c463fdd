// Listing benchmark (issue 17: cached listings, kept only if the gain is real):
// `npx tsx bench/listing/run.ts` (ROUNDS=3, SECONDS_PER_RUN=6 by default).
//
// Starts the real app twice on one data folder and database (`npm start`'s launcher, SQLite):
// one with the listing cache on (LIST_CACHE=on), one with it off (LIST_CACHE=off). Seeds a library
// of 2,000 movies (one probed file each, a third watched by the user) and one of 200 shows × 10
// episodes, then measures with autocannon (10 connections) each read on both apps, taking turns for
// ROUNDS rounds (the order flips every round: a shared 2-core VM drifts), next to GET /api/health:
//   - GET /api/v1/library (every library)
//   - GET /api/v1/library/:id/media?sort=title (pages of 50, cycling through 40 pages)
//   - GET /api/v1/library/:id/media?watched=unwatched (the per-user filter, cycling through pages)
//   - GET /api/v1/media/:id (an item page's data, cycling through 200 items)
//   - GET /libraries/:id (the server-rendered library page, signed in with the browser's cookie)
// Figures are the medians of the rounds; then both web processes' CPU profiles of one more round
// (self time, top frames: where the time goes with and without the cache).
import { readdirSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { browserSessionCookie, percentile95 } from '../browser-session';
import { factLines, runBenchmark } from '../machine';
import { cpuByArea, topFrames } from '../profile';
import { startApp, waitFor, type RunningApp } from '../../e2e/harness';

const MOVIES = 2000;
const SHOWS = 200;
const EPISODES = 10;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS_PER_RUN ?? 6);
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

type Figures = { p50: number; p95: number; rps: number };
type Endpoint = { name: string; paths: (i: number) => string; headers: Record<string, string> };

async function measure(base: string, e: Endpoint, seconds = SECONDS): Promise<Figures> {
  let n = 0;
  const r = await autocannon({
    url: base,
    headers: e.headers,
    connections: 10,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: e.paths(n++) }) }],
  });
  if (r.non2xx || r.errors) throw new Error(`${e.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { p50: r.latency.p50, p95: percentile95(r), rps: r.requests.average };
}

async function main() {
  let on: RunningApp | undefined;
  let off: RunningApp | undefined;
  const profDir = join(process.cwd(), 'bench', 'listing', '.profiles');
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const profiled = { SAMPLE_LIBRARY: 'false', NODE_OPTIONS: `--import=${join(import.meta.dirname, '..', 'load', 'profile-preload.mjs')}`, BENCH_PROFILE_DIR: profDir };
  try {
    on = await startApp({ ...profiled, LIST_CACHE: 'on' });
    const json = { 'content-type': 'application/json' };
    const reg = await fetch(`${on.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'viewer', password: 'bench-password' }) });
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
    const userId = (await reg.json()).id as string;
    const token = (await (await fetch(`${on.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'viewer', password: 'bench-password' }) })).json()).token as string;

    // Seed through our own database layer, pointed at the app's database file.
    process.env.DATA_DIR = on.dataDir;
    process.env.DATABASE_URL = `file:${join(on.dataDir, 'marquee.db')}`;
    const { db } = await import('../../lib/db');
    const t0 = Date.now();
    const movies = await db.library.create({ data: { name: 'Movies', type: 'movies', scanIntervalMinutes: 0, folders: { create: [{ path: '/bench/movies' }] } } });
    const tv = await db.library.create({ data: { name: 'TV', type: 'tv', scanIntervalMinutes: 0, folders: { create: [{ path: '/bench/tv' }] } } });
    const overview = 'A quiet film about a loud family, told over one long summer by the sea. '.repeat(3);
    await db.mediaItem.createMany({
      data: Array.from({ length: MOVIES }, (_, i) => ({ libraryId: movies.id, kind: 'movie' as const, identityKey: `movie:${i}`, title: `Film ${i}`, sortTitle: `film ${String(i).padStart(4, '0')}`, year: 1950 + (i % 70), overview, tmdbId: String(1000 + i), posterPath: `poster-${i}.jpg` })),
    });
    const movieRows = await db.mediaItem.findMany({ where: { libraryId: movies.id }, select: { id: true }, orderBy: { sortTitle: 'asc' } });
    const mediaInfo = { container: 'matroska', duration: 5400, video: [{ codec: 'hevc', width: 1920, height: 1080, profile: 'Main 10' }], audio: [{ codec: 'ac3', channels: 6, language: 'eng' }], subtitles: [{ codec: 'subrip', language: 'eng' }] };
    await db.mediaFile.createMany({ data: movieRows.map((m, i) => ({ libraryId: movies.id, itemId: m.id, path: `/bench/movies/Film ${i}/Film ${i}.mkv`, size: BigInt(4_000_000_000 + i), mtimeMs: BigInt(1_700_000_000_000), mediaInfo, probedAt: new Date() })) });
    await db.mediaItem.createMany({ data: Array.from({ length: SHOWS }, (_, i) => ({ libraryId: tv.id, kind: 'show' as const, identityKey: `show:${i}`, title: `Show ${i}`, sortTitle: `show ${String(i).padStart(3, '0')}` })) });
    for (const show of await db.mediaItem.findMany({ where: { libraryId: tv.id }, select: { id: true } })) {
      const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
      await db.episode.createMany({ data: Array.from({ length: EPISODES }, (_, e) => ({ showId: show.id, seasonId: season.id, seasonNumber: 1, number: e + 1 })) });
    }
    await db.watchState.createMany({ data: movieRows.filter((_, i) => i % 3 === 0).map((m) => ({ userId, itemId: m.id, watched: true, playCount: 1, lastWatchedAt: new Date() })) });
    log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // The second app: same data folder (database, auth secret), cache off.
    off = await startApp({ ...profiled, DATA_DIR: on.dataDir, LIST_CACHE: 'off' });
    const cookie = await browserSessionCookie(on.url, 'viewer', 'bench-password');
    const auth = { authorization: `Bearer ${token}` };
    const endpoints: Endpoint[] = [
      { name: 'GET /api/health (baseline)', paths: () => '/api/health', headers: {} },
      { name: 'GET /api/v1/library', paths: () => '/api/v1/library', headers: auth },
      { name: 'GET /api/v1/library/:id/media (50 by title)', paths: (i) => `/api/v1/library/${movies.id}/media?sort=title&page_size=50&page=${1 + (i % 40)}`, headers: auth },
      { name: 'GET /api/v1/library/:id/media?watched=unwatched', paths: (i) => `/api/v1/library/${movies.id}/media?watched=unwatched&page_size=50&page=${1 + (i % 26)}`, headers: auth },
      { name: 'GET /api/v1/media/:id', paths: (i) => `/api/v1/media/${movieRows[(i * 7) % 200].id}`, headers: auth },
      { name: 'GET /libraries/:id (page, server render)', paths: () => `/libraries/${movies.id}`, headers: { cookie } },
    ];

    // Both apps answer alike (the cache serves what the database says), and the data is all there.
    for (const e of endpoints.slice(1)) {
      for (const i of [0, 1, 2]) {
        const [a, b] = await Promise.all([on, off].map(async (app) => (await fetch(`${app!.url}${e.paths(i)}`, { headers: e.headers })).text()));
        if (a !== b && !e.headers.cookie) throw new Error(`${e.name}: the two apps answer differently:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`);
      }
    }
    const libs = await (await fetch(`${off.url}/api/v1/library`, { headers: auth })).json();
    const counted = libs.find((l: { id: string }) => l.id === movies.id)?.media_count;
    if (counted !== MOVIES) throw new Error(`the library list counts ${counted} movies`);
    const page = await (await fetch(`${off.url}/libraries/${movies.id}`, { headers: { cookie } })).text();
    if (!page.includes('Film 0')) throw new Error('the library page did not render its items');

    log('warming up both apps…');
    for (const app of [on, off]) for (const e of endpoints) await measure(app.url, e, 1);

    const rounds: Record<string, { on: Figures; off: Figures }>[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      log(`round ${r} of ${ROUNDS}…`);
      const round: Record<string, { on: Figures; off: Figures }> = {};
      for (const e of endpoints) {
        const order: ['on' | 'off', RunningApp][] = r % 2 ? [['on', on], ['off', off]] : [['off', off], ['on', on]];
        const got: Partial<Record<'on' | 'off', Figures>> = {};
        for (const [k, app] of order) got[k] = await measure(app.url, e);
        round[e.name] = { on: got.on!, off: got.off! };
        log(`  ${e.name}: on ${got.on!.rps.toFixed(0)} req/s p95 ${got.on!.p95.toFixed(0)} ms; off ${got.off!.rps.toFixed(0)} req/s p95 ${got.off!.p95.toFixed(0)} ms`);
      }
      rounds.push(round);
    }

    log('profiling both web processes over one more pass…');
    const pids = [on.pids()?.web, off.pids()?.web];
    for (const pid of pids) if (pid) process.kill(pid, 'SIGUSR2');
    for (const e of endpoints.slice(1)) for (const app of [on, off]) await measure(app.url, e, 3);
    for (const pid of pids) if (pid) process.kill(pid, 'SIGUSR2');
    const profiles = await Promise.all(pids.map((pid) => (pid ? waitFor(() => readdirSync(profDir).find((f) => f === `${pid}.cpuprofile`), { timeoutMs: 30_000, what: 'the profile' }) : undefined)));

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const med = (name: string, k: 'on' | 'off'): Figures => ({
      p50: median(rounds.map((r) => r[name][k].p50)),
      p95: median(rounds.map((r) => r[name][k].p95)),
      rps: median(rounds.map((r) => r[name][k].rps)),
    });
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const rows = endpoints.map((e) => {
      const [a, b] = [med(e.name, 'on'), med(e.name, 'off')];
      return `| ${e.name} | ${ms(b.p50)} / ${ms(b.p95)} / ${b.rps.toFixed(0)} | ${ms(a.p50)} / ${ms(a.p95)} / ${a.rps.toFixed(0)} | ${(a.rps / b.rps).toFixed(2)}× | ${(b.p95 / a.p95).toFixed(2)}× |`;
    });
    const perRound = endpoints.map((e) => `  - ${e.name}: ${rounds.map((r) => `off ${r[e.name].off.rps.toFixed(0)} / on ${r[e.name].on.rps.toFixed(0)}`).join('; ')}`);
    console.log(
      [
        '',
        '### Listings, cache on and off — `npx tsx bench/listing/run.ts` (issue 17)',
        '',
        ...factLines('; SQLite'),
        `- Data: ${MOVIES} movies (one probed file each, a third watched), ${SHOWS} shows × ${EPISODES} episodes; two apps (\`npm start\`) on the same database, LIST_CACHE=off and LIST_CACHE=on; autocannon, 10 connections, ${SECONDS} s per endpoint and app, ${ROUNDS} rounds taking turns (order flipped each round); medians of the rounds`,
        '',
        '| Endpoint | cache off: p50 / p95 / req/s | cache on: p50 / p95 / req/s | req/s on ÷ off | p95 off ÷ on |',
        '|---|---|---|---|---|',
        ...rows,
        '',
        '- Rounds (req/s):',
        ...perRound,
        ...[
          ['cache on', profiles[0]],
          ['cache off', profiles[1]],
        ].flatMap(([label, file]) => [
          `- Web process CPU (${label}) over one more pass of every listing, by area: ${file ? cpuByArea(join(profDir, file)) : 'no profile'}; self time, top frames:`,
          ...(file ? topFrames(join(profDir, file)).map((l) => `  - ${l}`) : []),
        ]),
        '',
      ].join('\n'),
    );
  } catch (err) {
    for (const app of [on, off]) if (app) console.error(app.output().slice(-3000));
    throw err;
  } finally {
    await off?.stop();
    await on?.stop();
  }
}

runBenchmark(main);
