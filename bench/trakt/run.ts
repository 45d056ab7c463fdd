// Trakt sync benchmark: `npx tsx bench/trakt/run.ts` (BENCH_DB=postgres for PostgreSQL at 127.0.0.1).
//
// In one process, on a fresh database: the fake Trakt (test/fakes/trakt-server.ts) holds a
// 5,000-play history — 2,000 movies watched once each, and 300 shows × 10 episodes watched once —
// and the library holds half of them (1,000 movies, 150 shows × 10 episodes, matched by TMDB id).
// Measures (1) the first full pull: time and requests to the fake (targets ≤ 60 s, ≤ 150 requests),
// (2) a second sync of the unchanged account (target: 1 request), and (3) a mark in Marquee → the
// play on the fake, through the outbox and the `tracking.outbox-changed` event to the pusher
// (startTraktWorker), 40 marks one after another (target p95 ≤ 3 s). Web and worker share this
// process here, so the event crosses no socket (measured apart in bench/events: p95 ≤ 1.4 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { factLines, runBenchmark, verdict } from '../machine';

const MOVIES = 2000;
const SHOWS = 300;
const EPISODES = 10;
const MARKS = 40;
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-bench-trakt-'));
  process.env.DATA_DIR = dataDir;
  process.env.AUTH_SECRET = 'bench-secret-0123456789abcdef-0123456789';
  process.env.SAMPLE_LIBRARY = 'false';
  let pgDatabase: string | undefined;
  const adminUrl = 'postgresql://postgres@127.0.0.1:5432/test';
  if (process.env.BENCH_DB === 'postgres') {
    pgDatabase = `marquee_bench_trakt_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${pgDatabase}"`);
    await admin.end();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/${pgDatabase}`;
  } else {
    process.env.DATABASE_URL = `file:${join(dataDir, 'bench.db')}`;
  }
  const { startFakeTrakt, FAKE_TRAKT_CLIENT_ID, FAKE_TRAKT_CLIENT_SECRET } = await import('../../test/fakes/trakt-server');
  const fake = await startFakeTrakt();
  Object.assign(process.env, { TRAKT_CLIENT_ID: FAKE_TRAKT_CLIENT_ID, TRAKT_CLIENT_SECRET: FAKE_TRAKT_CLIENT_SECRET, TRAKT_BASE_URL: fake.url, TRAKT_AUTH_URL: fake.url });
  const { config } = await import('../../lib/config');
  const { migrate } = await import('../../lib/migrate');
  await migrate(config().db);
  const { db, disconnectDb } = await import('../../lib/db');
  const { TraktClient } = await import('../../lib/trakt/client');
  const { saveLink } = await import('../../lib/trakt/link');
  const { runSync } = await import('../../lib/trakt/sync');
  const { startTraktWorker } = await import('../../lib/trakt/trakt-worker');
  const { setEpisodeWatched } = await import('../../lib/tracking/watched');
  const { closeEvents } = await import('../../lib/events/events');
  const out: string[] = [];
  try {
    // The Trakt account.
    const U = 'bench-user';
    const base = Date.UTC(2020, 0, 1);
    let n = 0;
    const at = () => new Date(base + n++ * 3600_000).toISOString();
    for (let i = 0; i < MOVIES; i++) fake.addPlay(U, 'movie', fake.addMovie(`Movie ${i}`, 1950 + (i % 70), { tmdb: 100_000 + i }).ids.trakt, at());
    for (let s = 0; s < SHOWS; s++) {
      const show = fake.addShow(`Show ${s}`, 2000 + (s % 20), { tmdb: 500_000 + s });
      for (let e = 1; e <= EPISODES; e++) fake.addPlay(U, 'episode', fake.episodeOf(show, 1, e).ids.trakt, at());
    }
    // Extra episodes (never watched) for the marks.
    log(`fake Trakt: ${fake.user(U).history.length} plays`);

    // Marquee: a user, a library with half of it, and the link.
    const user = await db.user.create({ data: { username: 'bench', passwordHash: 'x' } });
    const lib = await db.library.create({ data: { name: 'Bench', type: 'mixed' } });
    await db.mediaItem.createMany({ data: Array.from({ length: MOVIES / 2 }, (_, i) => ({ libraryId: lib.id, kind: 'movie' as const, identityKey: `m${i}`, title: `Movie ${i}`, sortTitle: `movie ${i}`, year: 1950 + (i % 70), tmdbId: String(100_000 + i) })) });
    await db.mediaItem.createMany({ data: Array.from({ length: SHOWS / 2 }, (_, s) => ({ libraryId: lib.id, kind: 'show' as const, identityKey: `s${s}`, title: `Show ${s}`, sortTitle: `show ${s}`, tmdbId: String(500_000 + s) })) });
    const shows = await db.mediaItem.findMany({ where: { kind: 'show' }, select: { id: true } });
    for (const show of shows) {
      const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
      await db.episode.createMany({ data: Array.from({ length: EPISODES + 1 }, (_, e) => ({ showId: show.id, seasonId: season.id, seasonNumber: 1, number: e + 1 })) });
    }
    fake.authorizeAs = U;
    const code = await (async () => {
      const url = TraktClient.authorizeUrl(fake.url, FAKE_TRAKT_CLIENT_ID, 'http://localhost/cb', 's');
      const res = await fetch(url, { method: 'POST', redirect: 'manual' });
      return new URL(res.headers.get('location')!).searchParams.get('code')!;
    })();
    const tokens = await new TraktClient({ baseUrl: fake.url, clientId: FAKE_TRAKT_CLIENT_ID, clientSecret: FAKE_TRAKT_CLIENT_SECRET, redirectUri: 'http://localhost/cb' }).exchangeCode(code);
    await saveLink(user.id, tokens, { username: U, slug: U });

    // (1) First pull.
    let before = fake.requests.length;
    let t0 = Date.now();
    const first = await runSync(user.id, 'manual');
    const firstMs = Date.now() - t0;
    const firstRequests = fake.requests.length - before;
    if (!('runId' in first) || first.status !== 'ok') throw new Error(`first sync: ${JSON.stringify(first)}`);
    const events = await db.watchEvent.count({ where: { userId: user.id } });
    const items = await db.traktItem.count({ where: { userId: user.id } });
    log(`first pull: ${firstMs} ms, ${firstRequests} requests, ${events} plays matched, ${items} Trakt items stored`);

    // (2) Unchanged account.
    before = fake.requests.length;
    t0 = Date.now();
    await runSync(user.id, 'manual');
    const unchangedMs = Date.now() - t0;
    const unchangedRequests = fake.requests.length - before;
    log(`unchanged: ${unchangedMs} ms, ${unchangedRequests} request(s)`);

    // (3) Mark → on the fake.
    const worker = startTraktWorker({ warn: (m: string) => log(m) });
    const extra = await db.episode.findMany({ where: { number: EPISODES + 1 }, select: { id: true, show: { select: { tmdbId: true } } }, take: MARKS });
    const latencies: number[] = [];
    for (const ep of extra) {
      const show = [...fake.shows.values()].find((s) => String(s.ids.tmdb) === ep.show.tmdbId)!;
      const target = fake.episodeOf(show, 1, EPISODES + 1).ids.trakt;
      const start = performance.now();
      await setEpisodeWatched(user.id, ep.id, true);
      for (;;) {
        if (fake.user(U).history.some((p) => p.type === 'episode' && p.target === target)) break;
        if (performance.now() - start > 30_000) throw new Error('a mark did not reach the fake in 30 s');
        await new Promise((r) => setTimeout(r, 2));
      }
      latencies.push(performance.now() - start);
    }
    await worker.stop();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
    log(`mark → fake: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms`);

    const provider = config().db.provider;
    out.push(
      `### Trakt sync — \`${provider === 'postgresql' ? 'BENCH_DB=postgres ' : ''}npx tsx bench/trakt/run.ts\` (issue 15)`,
      '',
      ...factLines(`; ${provider === 'postgresql' ? 'PostgreSQL 127.0.0.1' : 'SQLite'}`),
      `- Fake Trakt on 127.0.0.1: ${MOVIES} movies + ${SHOWS} shows × ${EPISODES} episodes = ${fake.user(U).history.length - MARKS} plays; the library holds half (matched by TMDB id).`,
      '',
      '| Measure | Result | Target | Verdict |',
      '|---|---|---|---|',
      `| First pull of a 5,000-play history: time | ${(firstMs / 1000).toFixed(1)} s (${events} plays matched, ${items} Trakt items stored) | ≤ 60 s | ${verdict(firstMs <= 60_000)} |`,
      `| First pull: requests to Trakt | ${firstRequests} | ≤ 150 | ${verdict(firstRequests <= 150)} |`,
      `| Unchanged account: requests | ${unchangedRequests} (${unchangedMs} ms) | 1 | ${verdict(unchangedRequests === 1)} |`,
      `| A mark → on Trakt (${MARKS} marks, one at a time) | p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms | p95 ≤ 3 s | ${verdict(pct(95) <= 3000)} |`,
      '',
    );
    console.log(out.join('\n'));
  } finally {
    await closeEvents();
    await fake.stop();
    await disconnectDb();
    if (pgDatabase) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
