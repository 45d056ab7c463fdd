// Two-way sync against the fake Trakt: pull (ids, then title + year, catalog-only), incremental
// (an unchanged account = 1 request), push from the outbox (idempotent, in order), the conflict
// rules, scrobbling through the events seam, and the faults: Trakt down during a push, a token
// expiring mid-sync, a revoked refresh token, a 429 storm, two syncs at once, another user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { api, signUp } from '@/test/api';
import { useFakeTrakt, withoutTrakt } from '@/test/fakes/trakt-env';
import { type FakeTrakt, startFakeTrakt } from '@/test/fakes/trakt-server';
import { linkViaApi, seedTraktLibrary, type TraktLibrary } from '@/test/trakt-fixture';
import { waitFor } from '@/test/wait-for';
import { pushOutbox } from './push';
import { runSync } from './sync';
import { traktSyncJob } from './trakt-jobs';
import { startTraktWorker } from './trakt-worker';

let fake: FakeTrakt;
let alice: { id: string; token: string };
let lib: TraktLibrary;
let tmdb: { movie: number; show: number };
const T = 'alice-t';

const plays = (where: { itemId?: string; episodeId?: string }) => db.watchEvent.count({ where: { userId: alice.id, ...where } });
const state = (where: { itemId?: string; episodeId?: string }) => db.watchState.findFirst({ where: { userId: alice.id, ...where } });
const traktPlays = (type: 'movie' | 'episode', target: number) => fake.user(T).history.filter((p) => p.type === type && p.target === target);
const sync = async () => {
  const r = await runSync(alice.id, 'manual');
  if (!('runId' in r)) throw new Error(`sync skipped: ${r.skipped}`);
  return r;
};

beforeAll(async () => {
  fake = await startFakeTrakt();
  useFakeTrakt(fake);
  alice = await signUp('alice');
  lib = await seedTraktLibrary();
  const movie = await db.mediaItem.findUniqueOrThrow({ where: { id: lib.movieByTmdb } });
  const show = await db.mediaItem.findUniqueOrThrow({ where: { id: lib.showId } });
  tmdb = { movie: Number(movie.tmdbId), show: Number(show.tmdbId) };
  // What alice watched elsewhere, before linking.
  const arrival = fake.addMovie(movie.title, 2016, { tmdb: tmdb.movie });
  fake.addPlay(T, 'movie', arrival.ids.trakt, '2024-01-05T20:00:00.000Z');
  fake.addPlay(T, 'movie', arrival.ids.trakt, '2024-03-05T20:00:00.000Z');
  const heat = fake.addMovie(`Heat 1`, 1995, { tmdb: 949, imdb: 'tt0113277' });
  fake.addPlay(T, 'movie', heat.ids.trakt, '2024-02-01T20:00:00.000Z');
  const elsewhere = fake.addMovie('Not In Any Library', 1999, { tmdb: 603 });
  fake.addPlay(T, 'movie', elsewhere.ids.trakt, '2024-02-02T20:00:00.000Z');
  const sev = fake.addShow(show.title, 2022, { tmdb: tmdb.show });
  fake.addPlay(T, 'episode', fake.episodeOf(sev, 1, 1).ids.trakt, '2024-04-01T20:00:00.000Z');
  fake.addPlay(T, 'episode', fake.episodeOf(sev, 1, 2).ids.trakt, '2024-04-02T20:00:00.000Z');
  fake.user(T).ratings.push({ rated_at: '2024-04-03T00:00:00.000Z', rating: 9, type: 'show', target: sev.ids.trakt });
  await linkViaApi(fake, alice.token, T);
});

afterAll(async () => {
  withoutTrakt();
  await fake.stop();
});

describe('pull', () => {
  it('maps plays to library items by id and by title + year, keeps the rest catalog-only', async () => {
    const r = await sync();
    expect(r).toMatchObject({ status: 'ok', added: 5 });
    expect(await state({ itemId: lib.movieByTmdb })).toMatchObject({ watched: true, playCount: 2 });
    expect((await state({ itemId: lib.movieByTmdb }))!.lastWatchedAt!.toISOString()).toBe('2024-03-05T20:00:00.000Z');
    expect(await state({ itemId: lib.movieByTitle })).toMatchObject({ watched: true, playCount: 1 });
    expect(await state({ episodeId: lib.episodes['1x1'] })).toMatchObject({ watched: true });
    expect(await state({ episodeId: lib.episodes['1x3'] })).toBeNull();
    const history = await api('GET', '/api/v1/tracking/history', { token: alice.token });
    // The four library plays and the catalog-only one (Not In Any Library).
    expect(history.body.total).toBe(6);
    expect(history.body.items.filter((i: { catalog_only: boolean }) => i.catalog_only).map((i: { title: string }) => i.title)).toEqual(['Not In Any Library']);
    // Pulled plays are not pushed back.
    expect(await db.watchOutbox.count({ where: { userId: alice.id } })).toBe(0);
  });

  it('the old API: stored movies and shows (page size 5), seasons and episodes, 400 naming trakt_id', async () => {
    const movies = await api('GET', '/api/v1/trakt/get-stored-movies', { token: alice.token });
    expect(movies.body).toMatchObject({ page: 1, page_size: 5, total_items: 3, total_pages: 1 });
    const catalogOnly = movies.body.movies.find((m: { title: string }) => m.title === 'Not In Any Library');
    expect(catalogOnly).toMatchObject({ media_id: null, plays: 1, ids: expect.objectContaining({ tmdb: 603 }) });
    expect(movies.body.movies.find((m: { media_id: string }) => m.media_id === lib.movieByTmdb)).toMatchObject({ plays: 2 });
    const page2 = await api('GET', '/api/v1/trakt/get-stored-movies?page=2&page_size=2', { token: alice.token });
    expect(page2.body).toMatchObject({ page: 2, page_size: 2, total_pages: 2 });
    expect(page2.body.movies).toHaveLength(1);
    const shows = await api('GET', '/api/v1/trakt/get-stored-shows', { token: alice.token });
    expect(shows.body.shows).toEqual([expect.objectContaining({ media_id: lib.showId, plays: 2, rating: 9 })]);
    const eps = await api('GET', `/api/v1/trakt/get-watched-seasons-episodes?trakt_id=${shows.body.shows[0].trakt_id}`, { token: alice.token });
    expect(eps.body.seasons).toEqual([expect.objectContaining({ number: 1, progress: 2 / 3, episodes: [expect.objectContaining({ number: 1, title: 'Episode 1x1', plays: 1 }), expect.objectContaining({ number: 2 })] })]);
    const missing = await api('GET', '/api/v1/trakt/get-watched-seasons-episodes', { token: alice.token });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error)).toContain('trakt_id');
  });

  it('an unchanged account costs one request', async () => {
    const before = fake.requests.length;
    const r = await sync();
    expect(r).toMatchObject({ unchanged: true, requests: 1 });
    expect(fake.requests.length - before).toBe(1);
    expect(fake.requests.at(-1)!.path).toBe('/sync/last_activities');
  });
});

describe('push', () => {
  it('a mark reaches Trakt with its watched_at, once, and a pull does not double it', async () => {
    expect((await api('PUT', `/api/v1/episode/${lib.episodes['1x3']}/watched`, { token: alice.token })).status).toBe(200);
    const row = await db.watchOutbox.findFirstOrThrow({ where: { userId: alice.id } });
    expect(row).toMatchObject({ action: 'add', episodeId: lib.episodes['1x3'] });
    expect((await pushOutbox(alice.id)).pushed).toBe(1);
    const sev = [...fake.shows.values()].find((s) => s.ids.tmdb === tmdb.show)!;
    const ep = fake.episodeOf(sev, 1, 3);
    expect(traktPlays('episode', ep.ids.trakt).map((p) => p.watched_at)).toEqual([row.watchedAt!.toISOString()]);
    // A retry of the same play (the row put back as if the answer had been lost) adds nothing.
    await db.watchOutbox.create({ data: { userId: alice.id, action: 'add', episodeId: lib.episodes['1x3'], watchedAt: row.watchedAt } });
    expect((await pushOutbox(alice.id)).pushed).toBe(1);
    expect(traktPlays('episode', ep.ids.trakt)).toHaveLength(1);
    await sync();
    expect(await plays({ episodeId: lib.episodes['1x3'] })).toBe(1);
  });

  it('unwatched here removes exactly the plays Trakt had; a pull does not bring them back', async () => {
    const arrival = [...fake.movies.values()].find((m) => m.ids.tmdb === tmdb.movie)!;
    fake.addPlay(T, 'movie', arrival.ids.trakt, new Date().toISOString()); // watched elsewhere after the last sync
    await api('DELETE', `/api/v1/media/${lib.movieByTmdb}/watched`, { token: alice.token });
    const row = await db.watchOutbox.findFirstOrThrow({ where: { userId: alice.id, action: 'remove' } });
    expect(JSON.parse(row.traktPlayIds!)).toHaveLength(2);
    await sync();
    // The two plays Marquee knew are gone from Trakt; the one made there since is a play, and stays.
    expect(traktPlays('movie', arrival.ids.trakt)).toHaveLength(1);
    expect(await plays({ itemId: lib.movieByTmdb })).toBe(1);
  });

  it('unwatched on Trakt removes the synced play here, never a play Trakt has not had', async () => {
    const ep11 = lib.episodes['1x1'];
    const own = await db.watchEvent.create({ data: { userId: alice.id, episodeId: lib.episodes['2x3'], watchedAt: new Date('2023-01-01T00:00:00Z') } });
    const sev = [...fake.shows.values()].find((s) => s.ids.tmdb === tmdb.show)!;
    const target = fake.episodeOf(sev, 1, 1).ids.trakt;
    fake.user(T).history = fake.user(T).history.filter((p) => !(p.type === 'episode' && p.target === target));
    fake.user(T).activities.episodes.watched_at = new Date().toISOString();
    await sync();
    expect(await plays({ episodeId: ep11 })).toBe(0);
    expect(await state({ episodeId: ep11 })).toMatchObject({ watched: false });
    expect(await db.watchEvent.findUnique({ where: { id: own.id } })).not.toBeNull();
  });
});

describe('faults', () => {
  it('Trakt down during a push: nothing lost, pushed once it is back', async () => {
    fake.down = true;
    await api('PUT', `/api/v1/episode/${lib.episodes['2x1']}/watched`, { token: alice.token });
    const r = await pushOutbox(alice.id, { backoff: { baseMs: 50, maxMs: 50 } });
    expect(r).toMatchObject({ pushed: 0, failed: 1 });
    const kept = await db.watchOutbox.findFirstOrThrow({ where: { userId: alice.id, episodeId: lib.episodes['2x1'] } });
    expect(kept.attempts).toBe(1);
    expect(kept.lastError).toMatch(/unavailable/);
    fake.down = false;
    await waitFor(async () => (await pushOutbox(alice.id)).pushed === 1, { timeoutMs: 10_000, intervalMs: 100, what: 'the push after Trakt returned' });
    const sev = [...fake.shows.values()].find((s) => s.ids.tmdb === tmdb.show)!;
    expect(traktPlays('episode', fake.episodeOf(sev, 2, 1).ids.trakt)).toHaveLength(1);
    expect(await db.watchOutbox.count({ where: { userId: alice.id } })).toBe(0);
  });

  it('a token expiring mid-sync is refreshed once and the sync completes', async () => {
    fake.addPlay(T, 'movie', [...fake.movies.values()].find((m) => m.title === 'Heat 1')!.ids.trakt, '2024-06-01T00:00:00.000Z');
    fake.expireAccessTokens();
    const tokenCalls = fake.countRequests('/oauth/token');
    const r = await sync();
    expect(r.status).toBe('ok');
    expect(fake.countRequests('/oauth/token') - tokenCalls).toBe(1);
    expect(await plays({ itemId: lib.movieByTitle })).toBe(2);
    expect((await db.traktLink.findUniqueOrThrow({ where: { userId: alice.id } })).status).toBe('ok');
  });

  it('a 429 storm: backs off as Retry-After says and completes', async () => {
    fake.user(T).activities.movies.rated_at = new Date().toISOString();
    fake.storm(3);
    const started = Date.now();
    const r = await sync();
    expect(r.status).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(fake.requests.slice(-6).filter((q) => q.status === 429)).toHaveLength(3);
  });

  it('two syncs at once: one runs; the job queue keeps one per user', async () => {
    fake.user(T).activities.movies.watchlisted_at = new Date().toISOString();
    const [a, b] = await Promise.all([runSync(alice.id, 'manual'), runSync(alice.id, 'manual')]);
    expect([a, b].filter((r) => 'skipped' in r)).toEqual([{ skipped: 'a sync of this account is already running' }]);
    const first = await jobQueue().enqueue(traktSyncJob, { userId: alice.id });
    const second = await jobQueue().enqueue(traktSyncJob, { userId: alice.id });
    expect(second).toEqual({ id: first.id, deduped: true });
    await jobQueue().cancel(first.id);
  });

  it('scrobbles through the events seam: start, pause, and the 90 % play as a stop', async () => {
    const worker = startTraktWorker({ warn: () => {} });
    try {
      const info = { container: 'mp4', duration: 100, size: null, bitrate: null, video: [], audio: [], subtitles: [], images: [], chapters: [], tags: { title: null, date: null, year: null, show: null, seasonNumber: null, episodeSort: null, episodeId: null, genre: null, comment: null, description: null } };
      const file = await db.mediaFile.create({ data: { libraryId: (await db.mediaItem.findUniqueOrThrow({ where: { id: lib.showId } })).libraryId, path: `/nowhere/sev-2x2-${Date.now()}.mp4`, size: 1n, mtimeMs: 1n, mediaInfo: info } });
      await db.episodeFile.create({ data: { fileId: file.id, episodeId: lib.episodes['2x2'] } });
      const sev = [...fake.shows.values()].find((s) => s.ids.tmdb === tmdb.show)!;
      const target = fake.episodeOf(sev, 2, 2).ids.trakt;
      const scrobbles = () => fake.user(T).scrobbles.filter((s) => s.target === target).map((s) => s.action);
      await api('POST', `/api/v1/user/stopped-at/${lib.episodes['2x2']}`, { token: alice.token, body: { secs_offset: 30 } });
      await waitFor(() => scrobbles().includes('start'), { timeoutMs: 10_000, what: 'scrobble start' });
      await api('POST', `/api/v1/user/stopped-at/${lib.episodes['2x2']}`, { token: alice.token, body: { secs_offset: 40, state: 'paused' } });
      await waitFor(() => scrobbles().includes('pause'), { timeoutMs: 10_000, what: 'scrobble pause' });
      await api('POST', `/api/v1/user/stopped-at/${lib.episodes['2x2']}`, { token: alice.token, body: { secs_offset: 95 } });
      await waitFor(() => scrobbles().includes('scrobble'), { timeoutMs: 10_000, what: 'the play on Trakt' });
      expect(traktPlays('episode', target)).toHaveLength(1);
      await waitFor(async () => (await db.watchOutbox.count({ where: { userId: alice.id } })) === 0, { timeoutMs: 10_000, what: 'the outbox drained' });
      // The pull matches Trakt's scrobble time to our play: no second play.
      await sync();
      expect(await plays({ episodeId: lib.episodes['2x2'] })).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it('a revoked refresh token: needs re-authorisation, Marquee data intact, queued history kept until linked again', async () => {
    const historyBefore = (await api('GET', '/api/v1/tracking/history', { token: alice.token })).body.total;
    fake.expireAccessTokens();
    fake.revokeRefreshTokens();
    await api('PUT', `/api/v1/episode/${lib.episodes['1x1']}/watched`, { token: alice.token });
    const r = await sync();
    expect(r.status).toBe('failed');
    const status = await api('GET', '/api/v1/trakt/auth-status', { token: alice.token });
    expect(status.body).toMatchObject({ authenticated: true, token_expired: true, status: 'needs_reauth' });
    expect(status.body.status_message).toMatch(/link Trakt again/i);
    expect((await api('GET', '/api/v1/tracking/history', { token: alice.token })).body.total).toBe(historyBefore + 1);
    expect(await pushOutbox(alice.id)).toMatchObject({ pushed: 0 });
    expect(await db.watchOutbox.count({ where: { userId: alice.id } })).toBe(1);
    // Linking again sends what waited.
    await linkViaApi(fake, alice.token, T);
    expect((await pushOutbox(alice.id)).pushed).toBe(1);
  });

  it('isolation: another user sees none of it', async () => {
    await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
    const bob = await signUp('bob');
    expect((await api('GET', '/api/v1/trakt/get-stored-movies', { token: bob.token })).body).toMatchObject({ total_items: 0, movies: [] });
    expect((await api('GET', '/api/v1/trakt/auth-status', { token: bob.token })).body.authenticated).toBe(false);
    expect((await api('GET', '/api/v1/trakt/sync-log', { token: bob.token })).body).toEqual({ pending_pushes: 0, runs: [] });
    const aliceRun = await jobQueue().enqueue(traktSyncJob, { userId: alice.id });
    expect((await api('GET', `/api/v1/trakt/sync/${aliceRun.id}`, { token: bob.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/trakt/sync/${aliceRun.id}`, { token: alice.token })).status).toBe(200);
    await jobQueue().cancel(aliceRun.id);
    expect((await api('GET', '/api/v1/trakt/fetch-latest-movies', { token: bob.token })).body.error.code).toBe('trakt_not_linked');
    const log = await api('GET', '/api/v1/trakt/sync-log', { token: alice.token });
    expect(log.body.runs.length).toBeGreaterThan(3);
    expect(log.body.runs[0]).toMatchObject({ status: expect.any(String), requests: expect.any(Number) });
  });

  it('fetch-latest answers 202 with the job id when the sync takes longer than a few seconds', async () => {
    // No worker runs in this test process, so the queued sync waits: 202 after ~5 s.
    const res = await api('GET', '/api/v1/trakt/fetch-latest-shows', { token: alice.token });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ pending: true, job_id: expect.any(String) });
    await jobQueue().cancel(res.body.job_id);
  });
});
