// The other forms clients of TheTVDB (and of other TheTVDB proxies) use at /tvdb/v4: all series paged,
// episodes without a season type, ?extended=true, /search/{type}?q=, a key as the Bearer token,
// POST /auth/token, admin-chosen PINs, who made a key, and the global cap over all keys. Served by the
// real handler on a real HTTP server, a fake TheTVDB upstream on 127.0.0.1, a real database.
import type { Server } from 'node:http';
import TVDB from 'tvdbapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, signUp } from '@/test/api';
import { withEnv } from '@/test/config-env';
import { FAKE_TVDB_IDS, type FakeTvdb } from '@/test/fakes/tvdb-server';
import { startProxyEdge } from '@/test/fakes/tvdb-env';
import {
  failureResponse,
  movieExtendedResponse,
  peopleBaseResponse,
  peopleExtendedResponse,
  searchResponse,
  seriesAllResponse,
  seriesBaseResponse,
  seriesEpisodesResponse,
  seriesExtendedResponse,
  movieBaseResponse,
} from '@/lib/tvdb/v4-schemas';
import { resetProxyState } from '@/lib/tvdb/proxy-state';

let fake: FakeTvdb;
let server: Server;
let base: string;
let admin: { id: string; username: string; token: string };

beforeAll(async () => {
  ({ fake, server, base } = await startProxyEdge({ pageSize: 1 }));
  admin = await signUp('admin');
});

beforeEach(() => {
  resetProxyState();
  fake.resetCalls();
  fake.setDown(false);
});

afterAll(async () => {
  resetProxyState();
  await new Promise((r) => server.close(r));
  await fake.close();
});

async function newKey(body: Record<string, unknown> = {}) {
  const res = await api('POST', '/api/v1/admin/api-keys', { token: admin.token, body: { name: 'Drop-in app', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string; pin: string | null; requires_pin: boolean; created_by: { id: string; username: string } | null };
}

const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = (path: string, bearer: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });

async function tokenFor(apikey: string, pin?: string) {
  const res = await post('/login', { apikey, pin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

describe('TVDB proxy: the forms other clients use', () => {
  it('serves TheTVDB v4 client as it calls: login, all series paged, a series, extended, episodes paging, search, movies, people', async () => {
    const { key } = await newKey();
    const client = new TVDB({ apikey: key, endpoint: base });
    await client.login();
    const all = seriesAllResponse.parse(await client.series.all({ page: 0 }));
    expect(all.data).toHaveLength(1);
    expect(all.links.next).toBe(`${base}/series?page=1`);
    const second = seriesAllResponse.parse(await client.series.all({ page: 1 }));
    expect(second.data[0].id).not.toBe(all.data[0].id);
    expect(seriesBaseResponse.parse(await client.series.get({ id: FAKE_TVDB_IDS.lighthouse })).data.name).toBe('The Lighthouse Keepers');
    seriesExtendedResponse.parse(await client.series.extended({ id: FAKE_TVDB_IDS.lighthouse }));
    const episodes = seriesEpisodesResponse.parse(await client.series.episodes['season-type']({ id: FAKE_TVDB_IDS.noonQuiz, 'season-type': 'default', page: 0 }));
    expect(episodes.data.episodes).toHaveLength(1);
    const hits = searchResponse.parse(await client.search({ q: 'lighthouse' }));
    expect(hits.data.map((r) => r.name)).toContain('The Lighthouse Keepers');
    expect(movieBaseResponse.parse(await client.movies.get({ id: FAKE_TVDB_IDS.movie })).data.id).toBe(FAKE_TVDB_IDS.movie);
    movieExtendedResponse.parse(await client.movies.extended({ id: FAKE_TVDB_IDS.movie }));
    expect(peopleBaseResponse.parse(await client.people.get({ id: FAKE_TVDB_IDS.tobias })).data.id).toBe(FAKE_TVDB_IDS.tobias);
    peopleExtendedResponse.parse(await client.people.extended({ id: FAKE_TVDB_IDS.tobias }));
  });

  it('answers ?extended=true with exactly the /extended record, and /episodes with the default season type', async () => {
    const token = await tokenFor((await newKey()).key);
    for (const [short, long] of [
      [`/series/${FAKE_TVDB_IDS.lighthouse}?extended=true`, `/series/${FAKE_TVDB_IDS.lighthouse}/extended`],
      [`/movies/${FAKE_TVDB_IDS.movie}?extended=true`, `/movies/${FAKE_TVDB_IDS.movie}/extended`],
      [`/series/${FAKE_TVDB_IDS.noonQuiz}/episodes?page=1`, `/series/${FAKE_TVDB_IDS.noonQuiz}/episodes/default?page=1`],
    ]) {
      const a = await get(short, token);
      const b = await get(long, token);
      expect(a.status, short).toBe(200);
      expect(await a.text(), short).toBe(await b.text());
    }
    expect(seriesExtendedResponse.parse(await (await get(`/series/${FAKE_TVDB_IDS.lighthouse}?extended=true`, token)).json()).data.characters).toBeDefined();
    // Without ?extended=true it stays the base record.
    const plain = seriesBaseResponse.parse(await (await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).json());
    expect(plain.data).not.toHaveProperty('characters');
    const paged = seriesEpisodesResponse.parse(await (await get(`/series/${FAKE_TVDB_IDS.noonQuiz}/episodes`, token)).json());
    expect(paged.data.episodes).toHaveLength(1);
    expect(paged.links?.next).toContain(`${base}/series/${FAKE_TVDB_IDS.noonQuiz}/episodes/default?page=1`);
  });

  it('searches by type at /search/{series,movies,people,all}?q=', async () => {
    const token = await tokenFor((await newKey()).key);
    const search = async (path: string) => {
      const res = await get(path, token);
      expect(res.status, path).toBe(200);
      return searchResponse.parse(await res.json()).data;
    };
    const series = await search('/search/series?q=lighthouse');
    expect(series.length).toBeGreaterThan(0);
    expect(series.every((r) => r.type === 'series')).toBe(true);
    const people = await search('/search/people?q=mara');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((r) => r.type === 'person')).toBe(true);
    const movieName = fake.data.movies.get(FAKE_TVDB_IDS.movie)!.name!;
    const movies = await search(`/search/movies?q=${encodeURIComponent(movieName)}`);
    expect(movies.map((r) => r.type)).toEqual(expect.arrayContaining(['movie']));
    expect(movies.every((r) => r.type === 'movie')).toBe(true);
    const all = await search('/search/all?q=lighthouse');
    expect(all.length).toBeGreaterThanOrEqual(series.length);
    const unknown = await get('/search/companies?q=x', token);
    expect(unknown.status).toBe(404);
    failureResponse.parse(await unknown.json());
  });

  it('takes a licensed key as the Bearer token without logging in; not a user-supported one, nor a rotated one', async () => {
    const k = await newKey();
    const direct = await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, k.key);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('x-ratelimit-limit')).not.toBeNull();
    const supported = await newKey({ kind: 'user_supported' });
    const refused = await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, supported.key);
    expect(refused.status).toBe(401);
    failureResponse.parse(await refused.json());
    await api('POST', `/api/v1/admin/api-keys/${k.id}/rotate`, { token: admin.token });
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, k.key)).status).toBe(401);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, 'mq_tvdb_not-a-key')).status).toBe(401);
  });

  it('exchanges {"api_key"} for a token at POST /auth/token', async () => {
    const k = await newKey();
    const res = await post('/auth/token', { api_key: k.key });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; data: { token: string } };
    expect(body.status).toBe('success');
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, body.data.token)).status).toBe(200);
    const bad = await post('/auth/token', { apikey: k.key });
    expect(bad.status).toBe(400);
    failureResponse.parse(await bad.json());
    expect((await post('/auth/token', { api_key: 'mq_tvdb_wrong' })).status).toBe(401);
    expect((await fetch(`${base}/auth/token`)).status).toBe(405);
  });

  it('lets an admin choose a PIN, records who made a key, and refuses a PIN on a licensed key', async () => {
    const k = await newKey({ requires_pin: true, pin: 'kodi-2024' });
    expect(k).toMatchObject({ pin: 'kodi-2024', requires_pin: true, created_by: { id: admin.id, username: admin.username } });
    expect((await post('/login', { apikey: k.key })).status).toBe(401);
    const token = await tokenFor(k.key, 'kodi-2024');
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).status).toBe(200);
    // A new PIN: the old one and the tokens issued with it stop working.
    const changed = await api('PUT', `/api/v1/admin/api-keys/${k.id}`, { token: admin.token, body: { pin: 'new-pin-99' } });
    expect(changed.status).toBe(200);
    expect(JSON.stringify(changed.body)).not.toContain('new-pin-99');
    expect((await post('/login', { apikey: k.key, pin: 'kodi-2024' })).status).toBe(401);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).status).toBe(401);
    await tokenFor(k.key, 'new-pin-99');

    const listed = await api('GET', '/api/v1/admin/api-keys', { token: admin.token });
    expect(listed.body.items.find((i: { id: string }) => i.id === k.id).created_by.username).toBe(admin.username);
    const licensed = await api('POST', '/api/v1/admin/api-keys', { token: admin.token, body: { name: 'x', kind: 'licensed', pin: '1234' } });
    expect(licensed.status).toBe(400);
    const plain = await newKey();
    expect(plain.requires_pin).toBe(false);
    expect((await api('PUT', `/api/v1/admin/api-keys/${plain.id}`, { token: admin.token, body: { pin: '1234' } })).status).toBe(400);
    expect((await api('POST', '/api/v1/admin/api-keys', { token: admin.token, body: { name: 'x', requires_pin: true, pin: '12' } })).status).toBe(400);
  });

  it('caps requests per minute over all keys (TVDB_PROXY_GLOBAL_RATE_LIMIT) on top of each key’s limit', async () => {
    const a = await newKey();
    const b = await newKey();
    await withEnv({ TVDB_PROXY_GLOBAL_RATE_LIMIT: '3' }, async () => {
      const statuses: number[] = [];
      for (const key of [a.key, a.key, b.key, b.key]) statuses.push((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, key)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, a.key);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(failureResponse.parse(await refused.json()).message).toContain('all keys');
    });
  });
});
