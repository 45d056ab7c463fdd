// GET /api/v1/media (every movie or show across libraries) and the episode page's read, on a real
// database: sorting, the watched/genre/year/title filters, paging, the filter lists, and an
// episode's neighbours and watched state; a library's own list sorted by rating, and the 400 that
// names the sort keys. Runs on SQLite and (TEST_DB=postgres) PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { sortTitle } from '@/lib/scan/identity';
import { api, signUp } from '@/test/api';
import { getEpisodePage } from './episode-page';

let alice: { id: string; token: string };
let bob: { id: string; token: string };
const id: Record<string, string> = {};
const ep: Record<string, string> = {};

let tvLibrary: string;

async function item(libraryId: string, kind: 'movie' | 'show', title: string, year: number | null, genres: string[] | null, addedAt: string, rating: number | null = null) {
  const row = await db.mediaItem.create({
    data: { libraryId, kind, title, sortTitle: sortTitle(title), identityKey: `${kind}:${title}`, year, genres: genres && JSON.stringify(genres), addedAt: new Date(addedAt), rating },
  });
  id[title] = row.id;
  return row.id;
}

async function show(libraryId: string, title: string, year: number, genres: string[], addedAt: string, seasons: number[][], rating: number | null = null) {
  const showId = await item(libraryId, 'show', title, year, genres, addedAt, rating);
  for (const [s, count] of seasons) {
    const season = await db.season.create({ data: { showId, number: s, title: s === 0 ? 'Specials' : `Season ${s}` } });
    for (let n = 1; n <= count; n++) {
      const e = await db.episode.create({ data: { showId, seasonId: season.id, seasonNumber: s, number: n, title: `${title} ${s}x${n}` } });
      ep[`${title} ${s}x${n}`] = e.id;
    }
  }
}

const browse = async (who: { token: string }, query: string) => {
  const res = await api('GET', `/api/v1/media?${query}`, { token: who.token });
  expect(res.status).toBe(200);
  return res.body as { items: { title: string }[]; total: number; page: number; genres: string[]; years: number[] };
};
const titles = async (who: { token: string }, query: string) => (await browse(who, query)).items.map((i) => i.title);

beforeAll(async () => {
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  const movies = await db.library.create({ data: { name: 'Movies', type: 'movies', folders: { create: [{ path: '/nowhere/movies' }] } } });
  const other = await db.library.create({ data: { name: 'More movies', type: 'movies', folders: { create: [{ path: '/nowhere/more' }] } } });
  const tv = await db.library.create({ data: { name: 'TV', type: 'tv', folders: { create: [{ path: '/nowhere/tv' }] } } });
  tvLibrary = tv.id;
  await item(movies.id, 'movie', 'The Matrix', 1999, ['Action', 'Science Fiction'], '2026-01-01T00:00:00Z', 8.2);
  await item(movies.id, 'movie', 'Alien', 1979, ['Horror', 'Science Fiction'], '2026-01-03T00:00:00Z', 8.5);
  await item(other.id, 'movie', 'Zodiac', 2007, ['Crime', 'Drama'], '2026-01-02T00:00:00Z', 7.7);
  await item(other.id, 'movie', '100%_Pure', null, null, '2026-01-04T00:00:00Z');
  await show(tv.id, 'Andor', 2022, ['Drama', 'Sci-Fi & Fantasy'], '2026-02-01T00:00:00Z', [[0, 1], [1, 3], [2, 2]], 7.9);
  await show(tv.id, 'Severance', 2022, ['Drama'], '2026-02-02T00:00:00Z', [[1, 2]]);
  await show(tv.id, 'Dark', 2017, ['Crime'], '2026-02-03T00:00:00Z', [[1, 1]]);
}, 60_000);

describe('GET /api/v1/media', () => {
  it('lists every movie across libraries, sorted by title, year or date added', async () => {
    expect(await titles(alice, 'kind=movie')).toEqual(['100%_Pure', 'Alien', 'The Matrix', 'Zodiac']);
    expect(await titles(alice, 'kind=movie&ascending=false')).toEqual(['Zodiac', 'The Matrix', 'Alien', '100%_Pure']);
    // Years newest first, items without a year last.
    expect(await titles(alice, 'kind=movie&sort=year')).toEqual(['Zodiac', 'The Matrix', 'Alien', '100%_Pure']);
    expect(await titles(alice, 'kind=movie&sort=added')).toEqual(['100%_Pure', 'Alien', 'Zodiac', 'The Matrix']);
    expect(await titles(alice, 'kind=show')).toEqual(['Andor', 'Dark', 'Severance']);
  });

  it('sorts by rating, best first by default; unrated items last either way, by title', async () => {
    expect(await titles(alice, 'kind=movie&sort=rating')).toEqual(['Alien', 'The Matrix', 'Zodiac', '100%_Pure']);
    expect(await titles(alice, 'kind=movie&sort=rating&ascending=true')).toEqual(['Zodiac', 'The Matrix', 'Alien', '100%_Pure']);
    expect((await browse(alice, 'kind=movie&sort=rating')).items.map((i) => (i as { rating?: number | null }).rating)).toEqual([8.5, 8.2, 7.7, null]);
    expect(await titles(alice, 'kind=show&sort=rating')).toEqual(['Andor', 'Dark', 'Severance']);
  });

  it('filters by genre, year and title, with the genres and years of the kind to choose from', async () => {
    const page = await browse(alice, 'kind=movie&genre=Science%20Fiction');
    expect(page.items.map((i) => i.title)).toEqual(['Alien', 'The Matrix']);
    expect(page.genres).toEqual(['Action', 'Crime', 'Drama', 'Horror', 'Science Fiction']);
    expect(page.years).toEqual([2007, 1999, 1979]);
    expect(await titles(alice, `kind=show&genre=${encodeURIComponent('Sci-Fi & Fantasy')}`)).toEqual(['Andor']);
    // A genre is matched whole: "Drama" is not a part of another name.
    expect(await titles(alice, 'kind=show&genre=Dram')).toEqual([]);
    expect(await titles(alice, 'kind=movie&year=1999')).toEqual(['The Matrix']);
    expect(await titles(alice, 'kind=movie&q=MATRIX')).toEqual(['The Matrix']);
    expect(await titles(alice, 'kind=movie&q=the%20matrix')).toEqual(['The Matrix']);
    // Punctuation does not matter.
    expect(await titles(alice, 'kind=movie&q=100%25%20pure')).toEqual(['100%_Pure']);
    expect(await titles(alice, 'kind=show&q=sev&genre=Drama&year=2022')).toEqual(['Severance']);
  });

  it('filters by the caller’s own watched state', async () => {
    const put = (path: string) => api('PUT', path, { token: alice.token });
    expect((await put(`/api/v1/media/${id['Alien']}/watched`)).status).toBe(200);
    await db.watchState.create({ data: { userId: alice.id, itemId: id['Zodiac'], positionSecs: 600 } });
    // Andor: every episode outside specials; Severance: one of two; Dark: none.
    expect((await put(`/api/v1/media/${id['Andor']}/watched`)).status).toBe(200);
    await api('DELETE', `/api/v1/episode/${ep['Andor 0x1']}/watched`, { token: alice.token });
    expect((await put(`/api/v1/episode/${ep['Severance 1x1']}/watched`)).status).toBe(200);

    expect(await titles(alice, 'kind=movie&watched=watched')).toEqual(['Alien']);
    expect(await titles(alice, 'kind=movie&watched=in_progress')).toEqual(['Zodiac']);
    expect(await titles(alice, 'kind=movie&watched=unwatched')).toEqual(['100%_Pure', 'The Matrix']);
    expect(await titles(alice, 'kind=show&watched=watched')).toEqual(['Andor']);
    expect(await titles(alice, 'kind=show&watched=in_progress')).toEqual(['Severance']);
    expect(await titles(alice, 'kind=show&watched=unwatched')).toEqual(['Dark']);
    // Bob has watched nothing.
    expect(await titles(bob, 'kind=show&watched=unwatched')).toEqual(['Andor', 'Dark', 'Severance']);
    expect(await titles(bob, 'kind=movie&watched=watched')).toEqual([]);
  });

  it('pages, and refuses what it does not understand', async () => {
    const second = await browse(alice, 'kind=movie&page=2&page_size=3');
    expect(second).toMatchObject({ page: 2, total: 4, items: [{ title: 'Zodiac' }] });
    expect((await api('GET', '/api/v1/media?kind=episode', { token: alice.token })).status).toBe(400);
    expect((await api('GET', '/api/v1/media', { token: alice.token })).status).toBe(400);
    const badSort = await api('GET', '/api/v1/media?kind=movie&sort=popularity', { token: alice.token });
    expect(badSort.status).toBe(400);
    expect(badSort.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'query.sort', message: 'Sort must be one of: title, year, added, rating.' }] });
    expect((await api('GET', '/api/v1/media?kind=movie')).status).toBe(401);
  });
});

describe('GET /api/v1/library/:id/media', () => {
  const list = async (query: string) => {
    const res = await api('GET', `/api/v1/library/${tvLibrary}/media?${query}`, { token: alice.token });
    expect(res.status).toBe(200);
    return (res.body.items as { title: string; rating: number | null }[]).map((i) => [i.title, i.rating]);
  };

  it('sorts by rating when ratings exist: rated first, unrated after by title, in both directions', async () => {
    expect(await list('sort=rating&ascending=false')).toEqual([['Andor', 7.9], ['Dark', null], ['Severance', null]]);
    // Through the API (an admin's edit): a write that bypasses our write paths is not seen by the listing cache.
    const rate = (rating: number | null) => api('PATCH', `/api/v1/media/${id['Severance']}`, { token: alice.token, body: { rating } });
    expect((await rate(8.7)).status).toBe(200);
    expect(await list('sort=rating&ascending=false')).toEqual([['Severance', 8.7], ['Andor', 7.9], ['Dark', null]]);
    expect(await list('sort=rating')).toEqual([['Andor', 7.9], ['Severance', 8.7], ['Dark', null]]);
    expect((await rate(null)).status).toBe(200);
  });

  it('refuses a sort key it does not have, naming the ones it has', async () => {
    const res = await api('GET', `/api/v1/library/${tvLibrary}/media?sort=popularity`, { token: alice.token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('Invalid request: query.sort: Sort must be one of: title, year, added, rating.');
  });
});

describe('the episode page', () => {
  it('has the show, season, watched state and the episodes before and after (seasons run on; specials stay apart)', async () => {
    const page = await getEpisodePage(ep['Andor 1x3'], alice.id);
    expect(page.show).toMatchObject({ id: id['Andor'], title: 'Andor' });
    expect(page.season).toMatchObject({ number: 1 });
    expect(page.episode).toMatchObject({ id: ep['Andor 1x3'], watched: true, season_number: 1, number: 3 });
    expect(page.previous).toMatchObject({ id: ep['Andor 1x2'], season_number: 1, number: 2 });
    expect(page.next).toMatchObject({ id: ep['Andor 2x1'], season_number: 2, number: 1 });
    expect((await getEpisodePage(ep['Andor 1x1'], bob.id)).previous).toBeNull();
    expect((await getEpisodePage(ep['Andor 1x1'], bob.id)).episode.watched).toBe(false);
    expect((await getEpisodePage(ep['Andor 2x2'], alice.id)).next).toBeNull();
    const special = await getEpisodePage(ep['Andor 0x1'], alice.id);
    expect([special.previous, special.next, special.episode.watched]).toEqual([null, null, false]);
    await expect(getEpisodePage('nope', alice.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
