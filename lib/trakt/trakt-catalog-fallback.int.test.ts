// Catalog-only shows with no TMDB key: their episodes and air dates come from Trakt's own
// GET /shows/:id/seasons (with a watching user's link), so Your shows has aired counts and the next
// episode, Next up lists it and the calendar has its new episodes — for that user alone. With a
// TMDB key, TMDB is asked instead and the Trakt seasons endpoint is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { useFakeTmdb, withoutTmdb } from '@/test/fakes/tmdb-env';
import { FAKE_TMDB_IDS, startFakeTmdb, type FakeTmdb } from '@/test/fakes/tmdb-server';
import { useFakeTrakt, withoutTrakt } from '@/test/fakes/trakt-env';
import { type FakeTrakt, startFakeTrakt } from '@/test/fakes/trakt-server';
import { linkViaApi, syncOk } from '@/test/trakt-fixture';
import { enrichCatalogTitles } from './trakt-jobs';

let trakt: FakeTrakt;
let tmdb: FakeTmdb;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
let cardShowTrakt: number;
let noTmdbTrakt: number;
const T = 'alice-fallback';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => `${day(offset)}T12:00:00.000Z`;
const get = async (token: string, path: string) => (await api('GET', path, { token })).body;
const seasonCalls = () => trakt.requests.filter((r) => /^\/shows\/[^/]+\/seasons$/.test(r.path)).length;

beforeAll(async () => {
  [trakt, tmdb] = await Promise.all([startFakeTrakt(), startFakeTmdb()]);
  useFakeTrakt(trakt);
  withoutTmdb();
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  // A show Trakt gives a TMDB id for, and one it gives none for; both in no library.
  const card = trakt.addShow('Test Card Show', 2023, { tmdb: FAKE_TMDB_IDS.testCardShow });
  cardShowTrakt = card.ids.trakt;
  const pilot = trakt.episodeOf(card, 1, 1, 'Pilot', '2023-01-10T02:00:00.000Z');
  const bars = trakt.episodeOf(card, 1, 2, 'Colour Bars', '2023-01-17T02:00:00.000Z');
  trakt.episodeOf(card, 1, 3, 'Tone', at(-2));
  trakt.episodeOf(card, 2, 1, 'Back on Air', at(3));
  trakt.episodeOf(card, 2, 2, 'Unscheduled', null);
  trakt.episodeOf(card, 0, 1, 'Behind the Card', '2023-02-01T02:00:00.000Z');
  const bare = trakt.addShow('Pirate Broadcast', 2021, { tvdb: 990001 });
  noTmdbTrakt = bare.ids.trakt;
  const first = trakt.episodeOf(bare, 1, 1, 'Signal', '2021-05-01T20:00:00.000Z');
  trakt.episodeOf(bare, 1, 2, 'Noise', at(5));
  trakt.addPlay(T, 'episode', pilot.ids.trakt, '2024-06-02T20:00:00.000Z');
  trakt.addPlay(T, 'episode', bars.ids.trakt, '2024-06-03T20:00:00.000Z');
  trakt.addPlay(T, 'episode', first.ids.trakt, '2024-06-01T20:00:00.000Z');
  await linkViaApi(trakt, alice.token, T);
  await syncOk(alice.id);
});

afterAll(async () => {
  withoutTrakt();
  withoutTmdb();
  await Promise.all([trakt.stop(), tmdb.close()]);
});

describe('catalog-only shows without a TMDB key', () => {
  it('before any enrichment they have no aired count beyond what was watched, and no next episode', async () => {
    const shows = await get(alice.token, '/api/v1/tracking/shows');
    expect(shows.find((s: { title: string }) => s.title === 'Test Card Show')).toMatchObject({ watched: 2, aired: 2, next_episode: null });
    expect(await get(alice.token, '/api/v1/tracking/next-up')).toEqual([]);
  });

  it('get their episodes and air dates from Trakt’s seasons endpoint (one request per show, with the user’s link), not from TMDB', async () => {
    tmdb.resetCalls();
    const before = trakt.requests.length;
    const r = await enrichCatalogTitles();
    expect(r).toMatchObject({ source: 'trakt', shows: 2, fetched: 2, failures: [] });
    const calls = trakt.requests.slice(before);
    expect(calls.map((c) => c.path).sort()).toEqual([`/shows/${cardShowTrakt}/seasons`, `/shows/${noTmdbTrakt}/seasons`].sort());
    expect(calls.every((c) => c.status === 200)).toBe(true);
    expect(tmdb.calls.total).toBe(0);
    const card = await db.catalogTitle.findUniqueOrThrow({ where: { key: `show:${FAKE_TMDB_IDS.testCardShow}` } });
    expect(JSON.parse(card.episodes!)).toMatchObject({ source: 'trakt', seasons: [{ number: 1, episodes: 3 }, { number: 2, episodes: 2 }] });
    expect(await db.catalogTitle.findUnique({ where: { key: `show:trakt:${noTmdbTrakt}` } })).toMatchObject({ title: 'Pirate Broadcast' });
    // Fresh for 7 days: a second run asks Trakt nothing.
    const again = trakt.requests.length;
    expect(await enrichCatalogTitles()).toMatchObject({ source: 'trakt', fetched: 0 });
    expect(trakt.requests.length).toBe(again);
  });

  it('Your shows has the aired count and the next aired episode after the furthest watched, with no ids', async () => {
    const shows = await get(alice.token, '/api/v1/tracking/shows');
    expect(shows).toEqual(expect.arrayContaining([
      expect.objectContaining({
        id: null, catalog_only: true, title: 'Test Card Show', watched: 2, aired: 3, trakt_id: cardShowTrakt,
        next_episode: { id: null, show_id: null, season_number: 1, number: 3, title: 'Tone', air_date: day(-2), thumb_url: null },
      }),
      // Its next episode airs in five days: nothing to watch yet.
      expect.objectContaining({ id: null, catalog_only: true, title: 'Pirate Broadcast', watched: 1, aired: 1, next_episode: null }),
    ]));
  });

  it('Next up lists the catalog-only show’s next episode, marked, with nothing to link to', async () => {
    expect(await get(alice.token, '/api/v1/tracking/next-up')).toEqual([
      { show_id: null, show_title: 'Test Card Show', poster_url: null, catalog_only: true, trakt_show_id: cardShowTrakt, last_watched_at: '2024-06-03T20:00:00.000Z',
        episode: { id: null, show_id: null, season_number: 1, number: 3, title: 'Tone', air_date: day(-2), thumb_url: null } },
    ]);
  });

  it('the calendar has their coming episodes from Trakt’s first_aired', async () => {
    const cal = await get(alice.token, `/api/v1/tracking/calendar?from=${day(0)}&to=${day(14)}`);
    expect(cal).toEqual([
      expect.objectContaining({ id: null, catalog_only: true, show_title: 'Test Card Show', season_number: 2, number: 1, title: 'Back on Air', air_date: day(3), trakt_show_id: cardShowTrakt }),
      expect.objectContaining({ id: null, catalog_only: true, show_title: 'Pirate Broadcast', season_number: 1, number: 2, title: 'Noise', air_date: day(5), trakt_show_id: noTmdbTrakt }),
    ]);
  });

  it('another user sees none of it', async () => {
    expect(await get(bob.token, '/api/v1/tracking/shows')).toEqual([]);
    expect(await get(bob.token, '/api/v1/tracking/next-up')).toEqual([]);
    expect(await get(bob.token, `/api/v1/tracking/calendar?from=${day(-30)}&to=${day(30)}`)).toEqual([]);
  });

  it('with a TMDB key, TMDB is asked (replacing Trakt’s episodes at once) and the Trakt seasons endpoint is not', async () => {
    useFakeTmdb(tmdb);
    tmdb.resetCalls();
    const seasons = seasonCalls();
    const r = await enrichCatalogTitles();
    expect(r).toMatchObject({ source: 'tmdb', fetched: 1, failures: [] });
    expect(tmdb.calls.total).toBeGreaterThan(0);
    expect(seasonCalls()).toBe(seasons);
    const card = await db.catalogTitle.findUniqueOrThrow({ where: { key: `show:${FAKE_TMDB_IDS.testCardShow}` } });
    expect(JSON.parse(card.episodes!).source).toBe('tmdb');
    expect(card.posterPath).not.toBeNull();
    const shows = await get(alice.token, '/api/v1/tracking/shows');
    expect(shows.find((s: { title: string }) => s.title === 'Test Card Show')).toMatchObject({ catalog_only: true, poster_url: expect.stringMatching(/^\/api\/v1\/image\//) });
    withoutTmdb();
  });
});
