// The fake TheTVDB v4 server answers every route in the shapes lib/tvdb/v4-schemas.ts takes from the
// official OpenAPI document, and its failure modes (401, 404, 429, outage) behave as documented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  episodeBaseResponse,
  episodeExtendedResponse,
  failureResponse,
  loginResponse,
  movieBaseResponse,
  movieExtendedResponse,
  peopleBaseResponse,
  peopleExtendedResponse,
  searchResponse,
  seriesBaseResponse,
  seriesEpisodesResponse,
  seriesExtendedResponse,
  updatesResponse,
} from '@/lib/tvdb/v4-schemas';
import { FAKE_TVDB_API_KEY, FAKE_TVDB_IDS, SEASON_TYPES, startFakeTvdb, type FakeTvdb } from './tvdb-server';

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(url: string, init: { token?: string; method?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function login(tvdb: FakeTvdb, body: unknown = { apikey: FAKE_TVDB_API_KEY }): Promise<string> {
  const r = await call(`${tvdb.url}/login`, { method: 'POST', body });
  expect(r.status).toBe(200);
  return loginResponse.parse(r.body).data.token;
}

function expectFailure(r: Answer, status: number, message?: string) {
  expect(r.status).toBe(status);
  const body = failureResponse.parse(r.body);
  expect(body.data).toBeNull();
  if (message) expect(body.message).toBe(message);
}

/** Follows links.next from page 0 and returns every episode id seen, in order. */
async function walkEpisodes(tvdb: FakeTvdb, token: string, seriesId: number, seasonType = 'default') {
  const ids: number[] = [];
  const pages: z.infer<typeof seriesEpisodesResponse>[] = [];
  let next: string | null | undefined = `${tvdb.url}/series/${seriesId}/episodes/${seasonType}?page=0`;
  while (next) {
    const r = await call(next, { token });
    expect(r.status).toBe(200);
    const page = seriesEpisodesResponse.parse(r.body);
    pages.push(page);
    for (const e of page.data.episodes ?? []) ids.push(e.id as number);
    next = page.links?.next;
    expect(pages.length).toBeLessThan(1000);
  }
  return { ids, pages };
}

describe('fake TheTVDB v4 server', () => {
  let tvdb: FakeTvdb;
  let token: string;

  beforeAll(async () => {
    tvdb = await startFakeTvdb();
    token = await login(tvdb);
  });
  afterAll(() => tvdb.close());

  it('serves a base URL without a trailing slash and a JWT-like token', () => {
    expect(tvdb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token.split('.')).toHaveLength(3);
  });

  it('answers every relayed route in the documented shape', async () => {
    const ids = FAKE_TVDB_IDS;
    const get = async <S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> => {
      const r = await call(`${tvdb.url}${path}`, { token });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      return schema.parse(r.body);
    };

    for (const id of [ids.lighthouse, ids.noonQuiz]) {
      const base = await get(`/series/${id}`, seriesBaseResponse);
      expect(base.data.id).toBe(id);
      expect(base.data).not.toHaveProperty('episodes');
      const ext = await get(`/series/${id}/extended`, seriesExtendedResponse);
      expect(ext.data.artworks?.length).toBeGreaterThan(0);
      expect(ext.data.characters?.length).toBeGreaterThan(0);
      expect(ext.data.genres?.length).toBeGreaterThan(0);
      expect(ext.data).not.toHaveProperty('translations');
      const meta = await get(`/series/${id}/extended?meta=translations&short=true`, seriesExtendedResponse);
      expect(meta.data.translations?.nameTranslations?.[0]?.language).toBe('eng');
      expect(meta.data).not.toHaveProperty('characters');
      const withEpisodes = await get(`/series/${id}/extended?meta=episodes`, seriesExtendedResponse);
      expect(withEpisodes.data.episodes?.length).toBeGreaterThan(0);
      for (const type of SEASON_TYPES) {
        const page = await get(`/series/${id}/episodes/${type}?page=0`, seriesEpisodesResponse);
        expect(page.data.series?.id).toBe(id);
        expect(page.links?.page_size).toBe(500);
      }
    }

    const season2 = await get(`/series/${ids.lighthouse}/episodes/official?page=0&season=2&episodeNumber=3`, seriesEpisodesResponse);
    expect(season2.data.episodes?.map((e) => [e.seasonNumber, e.number])).toEqual([[2, 3]]);

    const episodeId = 1_000_003;
    expect((await get(`/episodes/${episodeId}`, episodeBaseResponse)).data).toMatchObject({ id: episodeId, seriesId: ids.lighthouse });
    const epExt = await get(`/episodes/${episodeId}/extended?meta=translations`, episodeExtendedResponse);
    expect(epExt.data.networks?.[0]?.name).toBe('Harbour Broadcasting');
    expect(epExt.data.translations?.overviewTranslations?.length).toBe(1);

    expect((await get(`/movies/${ids.movie}`, movieBaseResponse)).data.name).toBe('Harbour Lights');
    const movie = await get(`/movies/${ids.movie}/extended`, movieExtendedResponse);
    expect(movie.data.companies?.studio?.[0]?.name).toBe('Northlight Pictures');
    expect(movie.data.characters?.[0]?.peopleId).toBe(ids.mara);

    for (const id of [ids.mara, ids.tobias]) {
      expect((await get(`/people/${id}`, peopleBaseResponse)).data.id).toBe(id);
      const person = await get(`/people/${id}/extended`, peopleExtendedResponse);
      expect(person.data.characters?.every((c) => c.peopleId === id)).toBe(true);
    }

    const series = await get('/search?query=LIGHTHOUSE&type=series', searchResponse);
    expect(series.data.map((h) => [h.type, h.tvdb_id])).toEqual([['series', String(ids.lighthouse)]]);
    expect(series.links.total_items).toBe(1);
    expect(series.links.next).toBeNull();
    expect((await get('/search?query=harbour&type=movie', searchResponse)).data[0]?.id).toBe(`movie-${ids.movie}`);
    expect((await get('/search?query=quill&type=person', searchResponse)).data[0]?.tvdb_id).toBe(String(ids.mara));
    expect((await get('/search?query=no-such-title', searchResponse)).data).toEqual([]);

    const updates = await get('/updates?since=0', updatesResponse);
    expect(updates.data.length).toBe(tvdb.data.updates.length);
    expect(updates.links.next).toBeNull();
  });

  it('pages episodes with absolute links until next is null, every episode exactly once', async () => {
    const seeded = [...tvdb.data.episodes.values()].filter((e) => e.seriesId === FAKE_TVDB_IDS.noonQuiz).map((e) => e.id);
    expect(seeded.length).toBeGreaterThan(500);
    const { ids, pages } = await walkEpisodes(tvdb, token, FAKE_TVDB_IDS.noonQuiz);
    expect(pages).toHaveLength(Math.ceil(seeded.length / 500));
    expect(pages[0].links?.prev).toBeNull();
    expect(pages[1].links?.prev).toBe(`${tvdb.url}/series/${FAKE_TVDB_IDS.noonQuiz}/episodes/default?page=0`);
    expect(pages.every((p) => p.links?.total_items === seeded.length)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...seeded].sort());
  });

  it('honours a smaller page size, and absolute order renumbers without specials', async () => {
    const small = await startFakeTvdb({ pageSize: 7 });
    try {
      const smallToken = await login(small);
      const seeded = [...small.data.episodes.values()].filter((e) => e.seriesId === FAKE_TVDB_IDS.lighthouse);
      const { ids, pages } = await walkEpisodes(small, smallToken, FAKE_TVDB_IDS.lighthouse);
      expect(pages).toHaveLength(Math.ceil(seeded.length / 7));
      expect(pages.map((p) => p.links?.page_size)).toEqual(pages.map(() => 7));
      expect([...ids].sort()).toEqual(seeded.map((e) => e.id).sort());

      const absolute = await walkEpisodes(small, smallToken, FAKE_TVDB_IDS.lighthouse, 'absolute');
      const numbers = absolute.pages.flatMap((p) => (p.data.episodes ?? []).map((e) => e.number));
      expect(numbers).toEqual(seeded.filter((e) => e.seasonNumber > 0).map((_, i) => i + 1));

      const past = seriesEpisodesResponse.parse((await call(`${small.url}/series/${FAKE_TVDB_IDS.lighthouse}/episodes/default?page=99`, { token: smallToken })).body);
      expect(past.data.episodes).toEqual([]);
      expect(past.links?.next).toBeNull();
    } finally {
      await small.close();
    }
  });

  it('filters /updates by since, type and action, from a list tests can push to', async () => {
    const now = Math.floor(Date.now() / 1000);
    tvdb.data.updates.push({ entityType: 'movies', recordType: 'movie', method: 'delete', methodInt: 3, recordId: 42, timeStamp: now + 10, userId: 1 });
    const recent = updatesResponse.parse((await call(`${tvdb.url}/updates?since=${now}`, { token })).body);
    expect(recent.data.map((u) => u.recordId)).toEqual([42]);
    const deletes = updatesResponse.parse((await call(`${tvdb.url}/updates?since=0&action=delete`, { token })).body);
    expect(deletes.data.every((u) => u.methodInt === 3)).toBe(true);
    const series = updatesResponse.parse((await call(`${tvdb.url}/updates?since=0&type=series`, { token })).body);
    expect(series.data.map((u) => u.recordId)).toEqual([FAKE_TVDB_IDS.lighthouse]);
    expectFailure(await call(`${tvdb.url}/updates`, { token }), 400);
  });

  it('401 without a token, with a bad token, and for a wrong api key', async () => {
    expectFailure(await call(`${tvdb.url}/series/${FAKE_TVDB_IDS.lighthouse}`), 401, 'Unauthorized');
    expectFailure(await call(`${tvdb.url}/series/${FAKE_TVDB_IDS.lighthouse}`, { token: 'not-a-token' }), 401, 'Unauthorized');
    expectFailure(await call(`${tvdb.url}/login`, { method: 'POST', body: { apikey: 'wrong' } }), 401);
    expectFailure(await call(`${tvdb.url}/login`, { method: 'POST', body: {} }), 400);
  });

  it('requires the pin when configured with one', async () => {
    const pinned = await startFakeTvdb({ apiKey: 'k', pin: '1234' });
    try {
      expectFailure(await call(`${pinned.url}/login`, { method: 'POST', body: { apikey: 'k' } }), 400, 'InvalidValueType: pin required');
      expectFailure(await call(`${pinned.url}/login`, { method: 'POST', body: { apikey: 'k', pin: '0000' } }), 401);
      expect(await login(pinned, { apikey: 'k', pin: '1234' })).toBeTruthy();
    } finally {
      await pinned.close();
    }
  });

  it('404 failure body for unknown ids and unknown routes, 400 for a malformed id', async () => {
    for (const path of ['/series/1', '/series/1/extended', '/series/1/episodes/default?page=0', '/episodes/1', '/movies/1/extended', '/people/1']) {
      const r = await call(`${tvdb.url}${path}`, { token });
      expectFailure(r, 404);
      expect(failureResponse.parse(r.body).message).toMatch(/^NotFoundException: /);
    }
    expectFailure(await call(`${tvdb.url}/no/such/route`, { token }), 404, 'Not Found');
    expectFailure(await call(`${tvdb.url}/series/abc`, { token }), 400);
  });

  it('revoked tokens get 401 until the client logs in again', async () => {
    const path = `${tvdb.url}/movies/${FAKE_TVDB_IDS.movie}`;
    const old = await login(tvdb);
    expect((await call(path, { token: old })).status).toBe(200);
    tvdb.revokeTokens();
    expectFailure(await call(path, { token: old }), 401, 'Unauthorized');
    const fresh = await login(tvdb);
    expect((await call(path, { token: fresh })).status).toBe(200);
    token = fresh;
  });

  it('rateLimitNext(n): the next n requests get 429 with Retry-After, then normal answers', async () => {
    const path = `${tvdb.url}/people/${FAKE_TVDB_IDS.mara}`;
    tvdb.rateLimitNext(2);
    for (let i = 0; i < 2; i++) {
      const r = await call(path, { token });
      expectFailure(r, 429);
      expect(r.headers.get('retry-after')).toBe('1');
    }
    expect((await call(path, { token })).status).toBe(200);
  });

  it('setDown: 503 failure bodies, or reset sockets, until set back', async () => {
    const path = `${tvdb.url}/series/${FAKE_TVDB_IDS.lighthouse}`;
    tvdb.setDown(true);
    expectFailure(await call(path, { token }), 503);
    tvdb.setDown('reset');
    await expect(fetch(path, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
    tvdb.setDown(false);
    expect((await call(path, { token })).status).toBe(200);
  });

  it('counts calls by route and path, and delayMs makes answers slow', async () => {
    tvdb.resetCalls();
    tvdb.setDelay(150);
    const started = Date.now();
    const path = `/series/${FAKE_TVDB_IDS.lighthouse}/extended`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(`${tvdb.url}${path}?short=true`, { token })));
    tvdb.setDelay(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(tvdb.calls.total).toBe(5);
    expect(tvdb.calls.byPath.get(path)).toBe(5);
    expect(tvdb.calls.byRoute.get('/series/:id/extended')).toBe(5);
  });
});

describe('v4 schemas bite', () => {
  it('reject a documented integer sent as a string', () => {
    expect(() => seriesBaseResponse.parse({ status: 'success', data: { id: '12', name: 'x' } })).toThrow();
    expect(seriesBaseResponse.parse({ status: 'success', data: { id: 12, name: 'x' } }).data.id).toBe(12);
  });

  it('reject other type mismatches, a failure body as success, and a missing envelope', () => {
    expect(() => seriesBaseResponse.parse({ status: 'success', data: { id: 12, name: 5 } })).toThrow();
    expect(() => episodeBaseResponse.parse({ status: 'success', data: { seasonNumber: 1.5 } })).toThrow();
    // The document types search ids as strings: a number is wrong.
    expect(() => searchResponse.parse({ status: 'success', data: [{ id: 81189 }], links: {} })).toThrow();
    expect(() => updatesResponse.parse({ status: 'success', data: [{ timeStamp: '1700000000' }], links: {} })).toThrow();
    expect(() => seriesBaseResponse.parse({ status: 'failure', message: 'x', data: null })).toThrow();
    expect(() => seriesBaseResponse.parse({ id: 12 })).toThrow();
    expect(() => failureResponse.parse({ status: 'failure', message: 404 })).toThrow();
  });

  it('accept nulls and unknown fields', () => {
    const body = { status: 'success', data: { id: 1, image: null, status: { id: null, name: 'Ended' }, somethingNew: [1] } };
    expect(seriesBaseResponse.parse(body).data).toMatchObject({ somethingNew: [1] });
  });
});
