// A library item the user's Trakt history points at is deleted (missing files purged, the item
// removed, its library removed): the Trakt title goes back to catalog-only for that user and every
// play of it stays in Marquee (History, Your shows), with Trakt's play ids — a play Trakt has not
// numbered yet too. Another user's plays never join theirs; a later pull neither doubles nor loses one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { withoutTmdb } from '@/test/fakes/tmdb-env';
import { useFakeTrakt, withoutTrakt } from '@/test/fakes/trakt-env';
import { type FakeTrakt, startFakeTrakt } from '@/test/fakes/trakt-server';
import { linkViaApi, seedTraktLibrary, syncOk, type TraktLibrary } from '@/test/trakt-fixture';
import { removeFiles } from '@/lib/scan/remove-files';

let trakt: FakeTrakt;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
let lib: TraktLibrary;
let libraryId: string;
const T = 'alice-keep';
const plays: Record<string, number> = {};
type HistoryItem = { watched_at: string; title: string; media_id: string | null; catalog_only: boolean; catalog: { show_id: string | null; season_number: number | null; number: number | null } | null };
const history = async (token: string): Promise<{ total: number; items: HistoryItem[] }> => (await api('GET', '/api/v1/tracking/history', { token })).body;
const traktItem = (kind: string, traktTitle = /./) => db.traktItem.findMany({ where: { userId: alice.id, kind } }).then((rows) => rows.find((r) => traktTitle.test(r.title))!);

beforeAll(async () => {
  trakt = await startFakeTrakt();
  useFakeTrakt(trakt);
  withoutTmdb();
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  lib = await seedTraktLibrary();
  const movie = await db.mediaItem.findUniqueOrThrow({ where: { id: lib.movieByTmdb } });
  const show = await db.mediaItem.findUniqueOrThrow({ where: { id: lib.showId } });
  libraryId = show.libraryId;
  const m = trakt.addMovie(movie.title, movie.year, { tmdb: Number(movie.tmdbId) });
  const s = trakt.addShow(show.title, show.year, { tmdb: Number(show.tmdbId) });
  trakt.addPlay(T, 'movie', m.ids.trakt, '2024-05-01T20:00:00.000Z');
  trakt.addPlay(T, 'episode', trakt.episodeOf(s, 1, 1).ids.trakt, '2024-05-02T20:00:00.000Z');
  trakt.addPlay(T, 'episode', trakt.episodeOf(s, 1, 2).ids.trakt, '2024-05-03T20:00:00.000Z');
  // Matched by title and year: the library has its file.
  const heat = await db.mediaItem.findUniqueOrThrow({ where: { id: lib.movieByTitle } });
  trakt.addPlay(T, 'movie', trakt.addMovie(heat.title, heat.year, { imdb: 'tt0113277' }).ids.trakt, '2024-04-01T20:00:00.000Z');
  await db.mediaFile.create({ data: { libraryId: heat.libraryId, itemId: heat.id, path: `/media/keep/${heat.id}.mkv`, size: 1000n, mtimeMs: 1n } });
  for (const p of trakt.user(T).history) plays[p.watched_at] = p.id;
  await linkViaApi(trakt, alice.token, T);
  await syncOk(alice.id);
  // Bob (no Trakt) watched the movie here.
  expect((await api('PUT', `/api/v1/media/${lib.movieByTmdb}/watched`, { token: bob.token })).status).toBe(200);
});

afterAll(async () => {
  withoutTrakt();
  await trakt.stop();
});

describe('deleting library items keeps the Trakt history', () => {
  it('the pull matched the plays to the library', async () => {
    const h = await history(alice.token);
    expect(h.total).toBe(4);
    expect(h.items.every((i) => !i.catalog_only && i.media_id)).toBe(true);
    expect(await db.traktPlay.count({ where: { userId: alice.id } })).toBe(0);
  });

  it('purging a missing episode keeps its play, catalog-only, under the library show', async () => {
    await db.episode.update({ where: { id: lib.episodes['1x2'] }, data: { status: 'missing', missingSince: new Date(Date.now() - 60_000) } });
    expect((await api('DELETE', `/api/v1/library/${libraryId}/missing`, { token: alice.token })).status).toBe(200);
    expect(await db.episode.findUnique({ where: { id: lib.episodes['1x2'] } })).toBeNull();
    const h = await history(alice.token);
    expect(h.total).toBe(4);
    expect(h.items[0]).toMatchObject({ watched_at: '2024-05-03T20:00:00.000Z', media_id: null, catalog_only: true, catalog: { show_id: lib.showId, season_number: 1, number: 2 } });
    expect(await db.traktPlay.findFirst({ where: { userId: alice.id } })).toMatchObject({ traktPlayId: plays['2024-05-03T20:00:00.000Z'] });
    expect((await traktItem('show')).itemId).toBe(lib.showId);
  });

  it('deleting the movie makes it catalog-only for its Trakt user, with its play; the other user keeps none of it', async () => {
    expect((await api('DELETE', `/api/v1/media/${lib.movieByTmdb}`, { token: alice.token })).status).toBe(204);
    expect((await traktItem('movie', /^Arrival/)).itemId).toBeNull();
    const h = await history(alice.token);
    expect(h.total).toBe(4);
    expect(h.items[2]).toMatchObject({ watched_at: '2024-05-01T20:00:00.000Z', media_id: null, catalog_only: true });
    expect(await db.traktPlay.findFirst({ where: { userId: alice.id, watchedAt: new Date('2024-05-01T20:00:00.000Z') } })).toMatchObject({ traktPlayId: plays['2024-05-01T20:00:00.000Z'] });
    // Bob's play was Marquee's own (he has no Trakt): it went with the movie, and he never sees Alice's.
    expect(await history(bob.token)).toMatchObject({ total: 0, items: [] });
    expect(await db.traktPlay.count({ where: { userId: bob.id } })).toBe(0);
  });

  it('files gone from a scan take their item, not its Trakt plays', async () => {
    const file = await db.mediaFile.findFirstOrThrow({ where: { itemId: lib.movieByTitle } });
    expect(await removeFiles([file.id])).toMatchObject({ files: 1, items: 1 });
    expect(await db.traktItem.findFirst({ where: { userId: alice.id, kind: 'movie', itemId: lib.movieByTitle } })).toBeNull();
    const h = await history(alice.token);
    expect(h.total).toBe(4);
    expect(h.items[3]).toMatchObject({ watched_at: '2024-04-01T20:00:00.000Z', media_id: null, catalog_only: true, title: expect.stringMatching(/^Heat/) });
  });

  it('a play made here and not yet on Trakt is kept too (with an id of ours until a pull numbers it)', async () => {
    expect((await api('PUT', `/api/v1/episode/${lib.episodes['2x1']}/watched`, { token: alice.token })).status).toBe(200);
    expect((await history(alice.token)).total).toBe(5);
    expect((await api('DELETE', `/api/v1/library/${libraryId}`, { token: alice.token })).status).toBe(204);
    expect((await traktItem('show')).itemId).toBeNull();
    const h = await history(alice.token);
    expect(h.total).toBe(5);
    expect(h.items.every((i) => i.catalog_only && i.media_id === null && (i.catalog?.show_id ?? null) === null)).toBe(true);
    expect(h.items[0].catalog).toMatchObject({ season_number: 2, number: 1 });
    expect((await db.traktPlay.findMany({ where: { userId: alice.id, season: 2 } })).map((p) => p.traktPlayId)).toEqual([-1]);
    const shows = (await api('GET', '/api/v1/tracking/shows', { token: alice.token })).body;
    expect(shows).toEqual([expect.objectContaining({ id: null, catalog_only: true, title: expect.stringMatching(/^Severance/), watched: 2 })]);
    expect((await api('GET', '/api/v1/tracking/shows', { token: bob.token })).body).toEqual([]);
  });

  it('a later full pull neither doubles nor loses a play', async () => {
    trakt.addPlay(T, 'movie', trakt.addMovie('Another', 2020, { tmdb: 4242 }).ids.trakt, '2024-07-01T20:00:00.000Z');
    await syncOk(alice.id);
    const h = await history(alice.token);
    expect(h.items.map((i) => i.watched_at).sort()).toEqual([...new Set(h.items.map((i) => i.watched_at))].sort());
    expect(h.items.filter((i) => i.watched_at.startsWith('2024-0')).map((i) => i.watched_at).sort()).toEqual(['2024-04-01T20:00:00.000Z', '2024-05-01T20:00:00.000Z', '2024-05-02T20:00:00.000Z', '2024-05-03T20:00:00.000Z', '2024-07-01T20:00:00.000Z']);
    expect(h.total).toBe(6);
  });
});
