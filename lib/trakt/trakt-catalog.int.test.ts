// Catalog-only Trakt titles (in a user's Trakt history, in no library): they show in that user's
// History, Your shows and calendar — never another user's — get TMDB's poster, overview and rating
// from the worker's enrichment (cached per TMDB id), and become library items with the user's plays
// as watch state when a scan brings them in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { useFakeTmdb, withoutTmdb } from '@/test/fakes/tmdb-env';
import { FAKE_TMDB_IDS, startFakeTmdb, type FakeTmdb } from '@/test/fakes/tmdb-server';
import { useFakeTrakt, withoutTrakt } from '@/test/fakes/trakt-env';
import { type FakeTrakt, startFakeTrakt } from '@/test/fakes/trakt-server';
import { linkViaApi, seedTraktLibrary, syncOk } from '@/test/trakt-fixture';
import { adoptCatalog } from './adopt';
import { enrichFromTmdb } from './trakt-jobs';

let trakt: FakeTrakt;
let tmdb: FakeTmdb;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
const T = 'alice-catalog';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const history = async (token: string) => (await api('GET', '/api/v1/tracking/history', { token })).body;

beforeAll(async () => {
  [trakt, tmdb] = await Promise.all([startFakeTrakt(), startFakeTmdb()]);
  useFakeTrakt(trakt);
  withoutTmdb();
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  await seedTraktLibrary();
  // An episode of Test Card Show airing in three days (TMDB knows it; the library does not have the show).
  const show = tmdb.data.shows.get(FAKE_TMDB_IDS.testCardShow)!;
  const s2 = show.seasons.find((s) => s.number === 2)!;
  s2.episodes.push({ ...s2.episodes[1], id: 9_900_001, number: 3, name: 'Back on Air', airDate: day(3) });
  // alice watched, elsewhere: a movie and two episodes of a show, both in no library.
  const movie = trakt.addMovie('Big Test Pattern', 2024, { tmdb: FAKE_TMDB_IDS.bigTestPattern });
  trakt.addPlay(T, 'movie', movie.ids.trakt, '2024-06-01T20:00:00.000Z');
  const tcs = trakt.addShow('Test Card Show', 2023, { tmdb: FAKE_TMDB_IDS.testCardShow });
  trakt.addPlay(T, 'episode', trakt.episodeOf(tcs, 1, 1, 'Pilot').ids.trakt, '2024-06-02T20:00:00.000Z');
  trakt.addPlay(T, 'episode', trakt.episodeOf(tcs, 1, 2, 'Colour Bars').ids.trakt, '2024-06-03T20:00:00.000Z');
  await linkViaApi(trakt, alice.token, T);
});

afterAll(async () => {
  withoutTrakt();
  withoutTmdb();
  await Promise.all([trakt.stop(), tmdb.close()]);
});

describe('catalog-only titles', () => {
  it('a pull keeps the plays of titles in no library; History shows them, marked, to their user only', async () => {
    await syncOk(alice.id);
    const h = await history(alice.token);
    expect(h.total).toBe(3);
    expect(h.items.map((i: { title: string }) => i.title)).toEqual(['Test Card Show', 'Test Card Show', 'Big Test Pattern']);
    expect(h.items[0]).toMatchObject({ kind: 'episode', media_id: null, catalog_only: true, catalog: { season_number: 1, number: 2, episode_title: 'Colour Bars', show_id: null } });
    expect(h.items[2]).toMatchObject({ kind: 'movie', media_id: null, catalog_only: true, poster_url: null, catalog: { year: 2024 } });
    expect(await history(bob.token)).toMatchObject({ total: 0, items: [] });
    const page2 = (await api('GET', '/api/v1/tracking/history?page=2&page_size=2', { token: alice.token })).body;
    expect(page2).toMatchObject({ total: 3, items: [expect.objectContaining({ title: 'Big Test Pattern' })] });
  });

  it('without a TMDB key the enrichment does nothing; with one, poster, overview and rating arrive, cached per TMDB id', async () => {
    expect(await enrichFromTmdb()).toEqual({ skipped: 'no TMDB key' });
    useFakeTmdb(tmdb);
    tmdb.resetCalls();
    const r = await enrichFromTmdb();
    expect(r).toMatchObject({ titles: 2, fetched: 2, failures: [] });
    const movie = (await history(alice.token)).items[2];
    expect(movie.poster_url).toMatch(/^\/api\/v1\/image\/[0-9a-f]{32}-/);
    expect(movie.catalog).toMatchObject({ rating: 7.1 });
    expect(movie.catalog.overview).toBe(tmdb.data.movies.get(FAKE_TMDB_IDS.bigTestPattern)!.overview);
    const image = await api('GET', `${movie.poster_url}?w=200`, { token: alice.token });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    // Fresh: a second run asks TMDB nothing.
    const before = tmdb.calls.total;
    expect(await enrichFromTmdb()).toMatchObject({ fetched: 0 });
    expect(tmdb.calls.total).toBe(before);
  });

  it('Your shows and the calendar carry the catalog-only show for its user, with TMDB’s aired count and air dates', async () => {
    const shows = (await api('GET', '/api/v1/tracking/shows', { token: alice.token })).body;
    expect(shows).toEqual([
      expect.objectContaining({ id: null, catalog_only: true, title: 'Test Card Show', watched: 2, aired: 4, poster_url: expect.stringMatching(/^\/api\/v1\/image\//) }),
    ]);
    const cal = (await api('GET', `/api/v1/tracking/calendar?from=${day(0)}&to=${day(14)}`, { token: alice.token })).body;
    expect(cal).toEqual([expect.objectContaining({ id: null, catalog_only: true, show_title: 'Test Card Show', season_number: 2, number: 3, title: 'Back on Air', air_date: day(3) })]);
    expect((await api('GET', '/api/v1/tracking/shows', { token: bob.token })).body).toEqual([]);
    expect((await api('GET', `/api/v1/tracking/calendar?from=${day(0)}&to=${day(14)}`, { token: bob.token })).body).toEqual([]);
  });

  it('a second user who watched the same title on Trakt sees only their own plays', async () => {
    const B = 'bob-catalog';
    const movie = [...trakt.movies.values()].find((m) => m.ids.tmdb === FAKE_TMDB_IDS.bigTestPattern)!;
    trakt.addPlay(B, 'movie', movie.ids.trakt, '2025-01-01T10:00:00.000Z');
    await linkViaApi(trakt, bob.token, B);
    await syncOk(bob.id);
    const h = await history(bob.token);
    expect(h).toMatchObject({ total: 1, items: [expect.objectContaining({ title: 'Big Test Pattern', watched_at: '2025-01-01T10:00:00.000Z', catalog_only: true })] });
    // The shared TMDB metadata serves both (no new TMDB request for bob).
    expect(h.items[0].poster_url).toBe((await history(alice.token)).items[2].poster_url);
    expect((await history(alice.token)).total).toBe(3);
  });

  it('when a scan brings them into a library, they become library items with the user’s plays as watch state', async () => {
    const library = await db.library.create({ data: { name: 'Later', type: 'mixed' } });
    const movie = await db.mediaItem.create({ data: { libraryId: library.id, kind: 'movie', identityKey: 'movie:big test pattern:2024', title: 'Big Test Pattern', sortTitle: 'big test pattern', year: 2024, tmdbId: String(FAKE_TMDB_IDS.bigTestPattern) } });
    const show = await db.mediaItem.create({ data: { libraryId: library.id, kind: 'show', identityKey: 'show:test card show', title: 'Test Card Show', sortTitle: 'test card show', year: 2023, tmdbId: String(FAKE_TMDB_IDS.testCardShow) } });
    const season = await db.season.create({ data: { showId: show.id, number: 1, title: 'Season 1' } });
    const pilot = await db.episode.create({ data: { showId: show.id, seasonId: season.id, seasonNumber: 1, number: 1, title: 'Pilot' } });
    const r = await adoptCatalog();
    expect(r).toMatchObject({ matched: 3, plays: 3 });
    expect(await db.watchState.findFirst({ where: { userId: alice.id, itemId: movie.id } })).toMatchObject({ watched: true, playCount: 1 });
    expect(await db.watchState.findFirst({ where: { userId: bob.id, itemId: movie.id } })).toMatchObject({ watched: true, playCount: 1 });
    expect(await db.watchState.findFirst({ where: { userId: alice.id, episodeId: pilot.id } })).toMatchObject({ watched: true });
    expect(await db.watchState.findFirst({ where: { userId: bob.id, episodeId: pilot.id } })).toBeNull();
    const h = await history(alice.token);
    expect(h.total).toBe(3);
    expect(h.items[2]).toMatchObject({ media_id: movie.id, catalog_only: false });
    expect(h.items[1]).toMatchObject({ media_id: pilot.id, catalog_only: false });
    // S01E02 is not in the library yet: still catalog-only, now linked to the library show.
    expect(h.items[0]).toMatchObject({ catalog_only: true, catalog: { show_id: show.id, number: 2 } });
    expect((await api('GET', '/api/v1/tracking/shows', { token: alice.token })).body.filter((s: { catalog_only: boolean }) => s.catalog_only)).toEqual([]);
    // A later full pull (something new on Trakt) neither doubles nor loses a play.
    trakt.addPlay(T, 'movie', trakt.addMovie('Another', 2020, { tmdb: 4242 }).ids.trakt, '2024-07-01T20:00:00.000Z');
    await syncOk(alice.id);
    expect(await db.watchEvent.count({ where: { userId: alice.id, itemId: movie.id } })).toBe(1);
    expect(await db.watchEvent.count({ where: { userId: alice.id, episodeId: pilot.id } })).toBe(1);
    expect((await history(alice.token)).total).toBe(4);
    // Adopting again finds nothing new.
    expect(await adoptCatalog()).toEqual({ matched: 0, plays: 0 });
  });
});
