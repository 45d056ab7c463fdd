// Tracking benchmark: `npx tsx bench/tracking/run.ts`.
//
// Starts the real app (`npm start`'s launcher, SQLite), seeds 10,000 media items (2,000 movies and
// 400 shows × 20 episodes) and 50,000 watch-state rows (5 users × 10,000), then measures with
// autocannon (10 connections) the home page's server render (signed in with the browser's NextAuth
// cookie) and GET /api/v1/tracking/shows (Bearer), next to GET /api/health in the same run. The
// three take turns for ROUNDS rounds of 6 s each (a shared 2-core VM drifts by ±30 % over minutes);
// each figure is the median of its rounds. Targets: home p95 ≤ 300 ms, tracking list p95 ≤ 100 ms.
import { join } from 'node:path';
import autocannon from 'autocannon';
import { browserSessionCookie, percentile95 } from '../browser-session';
import { factLines, runBenchmark, verdict } from '../machine';
import { startApp, type RunningApp } from '../../e2e/harness';

const MOVIES = 2000;
const SHOWS = 400;
const EPISODES = 20;
const USERS = 5;
const FOLLOWED = 100;
const ROUNDS = 3;
const SECONDS = 6;
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

type Figures = { p50: number; p95: number; rps: number };

async function measure(url: string, headers: Record<string, string>): Promise<Figures> {
  const r = await autocannon({ url, headers, connections: 10, duration: SECONDS });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { p50: r.latency.p50, p95: percentile95(r), rps: r.requests.average };
}

async function main() {
  let app: RunningApp | undefined;
  try {
    app = await startApp({ SAMPLE_LIBRARY: 'false' });
    const json = { 'content-type': 'application/json' };
    const users: { id: string; token: string }[] = [];
    for (let i = 0; i < USERS; i++) {
      const reg = await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: `viewer${i}`, password: 'bench-password' }) });
      if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
      const id = (await reg.json()).id as string;
      const token = (await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: `viewer${i}`, password: 'bench-password' }) })).json()).token as string;
      users.push({ id, token });
      if (i === 0) await fetch(`${app.url}/api/v1/admin/settings`, { method: 'PATCH', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ registration: 'open' }) });
    }

    // Seed through our own database layer, pointed at the app's database file.
    process.env.DATA_DIR = app.dataDir;
    process.env.DATABASE_URL = `file:${join(app.dataDir, 'marquee.db')}`;
    const { db } = await import('../../lib/db');
    const t0 = Date.now();
    const lib = await db.library.create({ data: { name: 'Bench', type: 'tv', folders: { create: [{ path: '/bench/none' }] } } });
    await db.mediaItem.createMany({ data: Array.from({ length: MOVIES }, (_, i) => ({ libraryId: lib.id, kind: 'movie' as const, identityKey: `movie:${i}`, title: `Movie ${i}`, sortTitle: `movie ${i}`, year: 1950 + (i % 70) })) });
    await db.mediaItem.createMany({ data: Array.from({ length: SHOWS }, (_, i) => ({ libraryId: lib.id, kind: 'show' as const, identityKey: `show:${i}`, title: `Show ${i}`, sortTitle: `show ${i}` })) });
    const shows = await db.mediaItem.findMany({ where: { kind: 'show' }, select: { id: true }, orderBy: { sortTitle: 'asc' } });
    for (const show of shows) {
      const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
      await db.episode.createMany({ data: Array.from({ length: EPISODES }, (_, e) => ({ showId: show.id, seasonId: season.id, seasonNumber: 1, number: e + 1, airDate: `2020-01-${String((e % 28) + 1).padStart(2, '0')}` })) });
    }
    const movies = await db.mediaItem.findMany({ where: { kind: 'movie' }, select: { id: true } });
    const episodes = await db.episode.findMany({ select: { id: true } });
    const now = Date.now();
    for (const [u, user] of users.entries()) {
      const rows = [
        ...movies.map((m, i) => ({ userId: user.id, itemId: m.id, watched: i % 3 === 0, playCount: i % 3 === 0 ? 1 : 0, positionSecs: i % 3 === 1 ? 600 : null, lastWatchedAt: new Date(now - i * 60_000) })),
        ...episodes.map((e, i) => ({ userId: user.id, episodeId: e.id, watched: (i + u) % 4 !== 0, playCount: 1, lastWatchedAt: new Date(now - i * 60_000) })),
      ];
      for (let i = 0; i < rows.length; i += 1000) await db.watchState.createMany({ data: rows.slice(i, i + 1000) });
      await db.follow.createMany({ data: shows.slice(0, FOLLOWED).map((s) => ({ userId: user.id, showId: s.id })) });
    }
    // Watch states were written directly, past lib/tracking/watched.ts: derive the per-show rows as it would.
    const { rebuildShowWatch } = await import('../../lib/tracking/reads/rewrite-show-watch');
    await rebuildShowWatch();
    const counts = { items: await db.mediaItem.count(), episodes: await db.episode.count(), states: await db.watchState.count(), follows: await db.follow.count() };
    log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    const cookie = await browserSessionCookie(app.url, 'viewer0', 'bench-password');
    const home = await fetch(`${app.url}/`, { headers: { cookie } });
    const html = await home.text();
    if (!html.includes('Your shows') || !html.includes('Show 0')) throw new Error('the home page did not render the tracking rows');

    const auth = { authorization: `Bearer ${users[0].token}` };
    const tracking = await (await fetch(`${app.url}/api/v1/tracking/shows`, { headers: auth })).json();
    if (tracking.length !== FOLLOWED) throw new Error(`expected ${FOLLOWED} followed shows, got ${tracking.length}`);

    const rounds: { health: Figures; home: Figures; shows: Figures }[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      log(`measuring, round ${r} of ${ROUNDS}…`);
      const health = await measure(`${app.url}/api/health`, {});
      const home = await measure(`${app.url}/`, { cookie });
      const shows = await measure(`${app.url}/api/v1/tracking/shows`, auth);
      rounds.push({ health, home, shows });
      log(`health ${health.rps.toFixed(0)} req/s; home p95 ${home.p95.toFixed(0)} ms, ${home.rps.toFixed(0)} req/s; shows p95 ${shows.p95.toFixed(0)} ms, ${shows.rps.toFixed(0)} req/s`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const med = (k: 'health' | 'home' | 'shows'): Figures => ({ p50: median(rounds.map((r) => r[k].p50)), p95: median(rounds.map((r) => r[k].p95)), rps: median(rounds.map((r) => r[k].rps)) });
    const [health, homeR, shows1] = [med('health'), med('home'), med('shows')];
    const perRound = (k: 'health' | 'home' | 'shows') => rounds.map((r) => `${r[k].p95.toFixed(0)} ms / ${r[k].rps.toFixed(0)} req/s`).join(', ');
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const yes = verdict;
    console.log(
      [
        '',
        '### Tracking — `npx tsx bench/tracking/run.ts`',
        '',
        ...factLines('; SQLite'),
        `- Data: ${counts.items} items (${MOVIES} movies, ${SHOWS} shows) + ${counts.episodes} episodes, ${counts.states} watch-state rows (${USERS} users), ${FOLLOWED} followed shows per user; autocannon, 10 connections; ${ROUNDS} rounds of ${SECONDS} s per endpoint, taking turns; medians of the rounds`,
        '',
        '| Endpoint | p50 | p95 | req/s | Target | Result |',
        '|---|---|---|---|---|---|',
        `| GET /api/health (baseline) | ${ms(health.p50)} | ${ms(health.p95)} | ${health.rps.toFixed(0)} | – | – |`,
        `| GET / (home page, server render, signed in) | ${ms(homeR.p50)} | ${ms(homeR.p95)} | ${homeR.rps.toFixed(0)} | p95 ≤ 300 ms | ${yes(homeR.p95 <= 300)} |`,
        `| GET /api/v1/tracking/shows (${FOLLOWED} shows) | ${ms(shows1.p50)} | ${ms(shows1.p95)} | ${shows1.rps.toFixed(0)} | p95 ≤ 100 ms | ${yes(shows1.p95 <= 100)} |`,
        '',
        `- Rounds (p95 / req/s): health ${perRound('health')}; home ${perRound('home')}; tracking list ${perRound('shows')}`,
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (app) console.error(app.output().slice(-3000));
    throw err;
  } finally {
    await app?.stop();
  }
}

runBenchmark(main);
