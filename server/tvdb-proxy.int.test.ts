// The TVDB-v4-compatible proxy end to end: admin API for keys, /tvdb/v4 served by the real
// handler on a real HTTP server, a fake TheTVDB upstream on 127.0.0.1, a real database.
import type { Server } from 'node:http';
import TVDB from 'tvdbapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, signUp } from '@/test/api';
import { FAKE_TVDB_IDS, type FakeTvdb } from '@/test/fakes/tvdb-server';
import { startProxyEdge } from '@/test/fakes/tvdb-env';
import {
  episodeBaseResponse,
  episodeExtendedResponse,
  failureResponse,
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
import { flushProxyUsage, proxyState, resetProxyState } from '@/lib/tvdb/proxy-state';
import { tvdbSyncJob } from '@/lib/tvdb/tvdb-sync-job';

let fake: FakeTvdb;
let server: Server;
let base: string;
let admin: string;

beforeAll(async () => {
  ({ fake, server, base } = await startProxyEdge({ pageSize: 10 }));
  admin = (await signUp('admin')).token;
});

beforeEach(() => {
  resetProxyState();
  fake.resetCalls();
  fake.setDown(false);
  fake.setDelay(0);
});

afterAll(async () => {
  resetProxyState();
  await new Promise((r) => server.close(r));
  await fake.close();
});

async function newKey(body: Record<string, unknown> = {}) {
  const res = await api('POST', '/api/v1/admin/api-keys', { token: admin, body: { name: 'Test app', ...body } });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string; pin: string | null; preview: string };
}

const login = (apikey: string, pin?: string) => fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apikey, pin }) });

async function tokenFor(apikey: string, pin?: string) {
  const res = await login(apikey, pin);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

const get = (path: string, token: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

describe('TVDB proxy', () => {
  it('serves an unmodified TheTVDB v4 client: login, a series, its episodes and a search', async () => {
    const { key } = await newKey();
    const client = new TVDB({ apikey: key, endpoint: base });
    await client.login();
    const series = await client.series.get({ id: FAKE_TVDB_IDS.lighthouse });
    expect(seriesBaseResponse.parse(series).data.name).toBe('The Lighthouse Keepers');
    const extended = await client.series.extended({ id: FAKE_TVDB_IDS.lighthouse });
    seriesExtendedResponse.parse(extended);
    const episodes = await client.series.episodes['season-type']({ id: FAKE_TVDB_IDS.noonQuiz, 'season-type': 'default' });
    const page = seriesEpisodesResponse.parse(episodes);
    expect(page.data.episodes).toHaveLength(10);
    // Paging links point at the proxy, not at TheTVDB.
    expect(page.links?.next).toBe(`${base}/series/${FAKE_TVDB_IDS.noonQuiz}/episodes/default?page=1`);
    const next = seriesEpisodesResponse.parse(await (await get(`/series/${FAKE_TVDB_IDS.noonQuiz}/episodes/default?page=1`, await tokenFor(key))).json());
    expect(next.data.episodes?.[0].id).not.toBe(page.data.episodes?.[0].id);
    const found = searchResponse.parse(await client.search({ query: 'lighthouse', type: 'series' }));
    expect(found.data.map((r) => r.name)).toContain('The Lighthouse Keepers');
  });

  it('serves every read of the v4 API we proxy, each valid against its v4 schema', async () => {
    const token = await tokenFor((await newKey()).key);
    const episode = [...fake.data.episodes.keys()][0];
    const reads: [string, { parse: (v: unknown) => unknown }][] = [
      [`/series/${FAKE_TVDB_IDS.lighthouse}`, seriesBaseResponse],
      [`/series/${FAKE_TVDB_IDS.lighthouse}/extended?meta=translations`, seriesExtendedResponse],
      [`/series/${FAKE_TVDB_IDS.lighthouse}/episodes/official?page=0`, seriesEpisodesResponse],
      [`/episodes/${episode}`, episodeBaseResponse],
      [`/episodes/${episode}/extended`, episodeExtendedResponse],
      [`/movies/${FAKE_TVDB_IDS.movie}`, movieBaseResponse],
      [`/movies/${FAKE_TVDB_IDS.movie}/extended`, movieExtendedResponse],
      [`/people/${FAKE_TVDB_IDS.tobias}`, peopleBaseResponse],
      [`/people/${FAKE_TVDB_IDS.tobias}/extended`, peopleExtendedResponse],
      ['/search?query=noon&type=series', searchResponse],
      [`/updates?since=${Math.floor(Date.now() / 1000) - 7 * 86_400}`, updatesResponse],
    ];
    for (const [path, schema] of reads) {
      const res = await get(path, token);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      schema.parse(await res.json());
    }
  });

  it('answers errors as TheTVDB does: 401 without a token, 404 for an unknown record (cached), 405 for writes', async () => {
    const { key } = await newKey();
    const noToken = await fetch(`${base}/series/${FAKE_TVDB_IDS.lighthouse}`);
    expect(noToken.status).toBe(401);
    failureResponse.parse(await noToken.json());
    const token = await tokenFor(key);
    for (let i = 0; i < 2; i++) {
      const missing = await get('/series/123456789', token);
      expect(missing.status).toBe(404);
      expect(failureResponse.parse(await missing.json()).status).toBe('failure');
    }
    expect(fake.calls.byRoute.get('/series/:id')).toBe(1);
    expect((await get('/artwork/1', token)).status).toBe(404);
    expect((await fetch(`${base}/series/1`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
  });

  it('keeps keys hashed and shown once; lists, searches, pages, updates and deletes them', async () => {
    const a = await newKey({ name: 'Kodi plugin', description: 'living room' });
    await newKey({ name: 'Sonarr' });
    expect(a.key).toMatch(/^mq_tvdb_/);
    expect(a.preview).not.toContain(a.key.slice(12, -4));
    const one = await api('GET', `/api/v1/admin/api-keys/${a.id}`, { token: admin });
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain(a.key);
    const search = await api('GET', '/api/v1/admin/api-keys?search=kodi', { token: admin });
    expect(search.body.items.map((k: { id: string }) => k.id)).toEqual([a.id]);
    const paged = await api('GET', '/api/v1/admin/api-keys?per_page=1&page=2', { token: admin });
    expect(paged.body).toMatchObject({ page: 2, per_page: 1 });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThanOrEqual(2);
    const updated = await api('PUT', `/api/v1/admin/api-keys/${a.id}`, { token: admin, body: { name: 'Kodi', rate_limit: 30, burst: 2 } });
    expect(updated.body).toMatchObject({ name: 'Kodi', rate_limit: 30, burst: 2, description: 'living room' });
    const token = await tokenFor(a.key);
    expect((await api('DELETE', `/api/v1/admin/api-keys/${a.id}`, { token: admin })).status).toBe(204);
    expect((await login(a.key)).status).toBe(401);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).status).toBe(401);
    expect((await api('GET', `/api/v1/admin/api-keys/${a.id}`, { token: admin })).status).toBe(404);
    // Not for non-admins.
    await api('PATCH', '/api/v1/admin/settings', { token: admin, body: { registration: 'open' } });
    const user = await signUp('viewer');
    expect((await api('GET', '/api/v1/admin/api-keys', { token: user.token })).status).toBe(403);
  });

  it('needs the PIN for a user-supported key', async () => {
    const k = await newKey({ kind: 'user_supported' });
    expect(k.pin).toMatch(/^\d{8}$/);
    // Without its PIN: 401, as TheTVDB answers it.
    const noPin = await login(k.key);
    expect(noPin.status).toBe(401);
    expect(failureResponse.parse(await noPin.json()).message).toContain('pin');
    expect((await login(k.key, '00000000' === k.pin ? '11111111' : '00000000')).status).toBe(401);
    expect((await login(k.key, k.pin!)).status).toBe(200);
    const licensed = await newKey();
    expect(licensed.pin).toBeNull();
  });

  it('refuses expired and deactivated keys, and their tokens', async () => {
    // An expiry in the past is refused at creation…
    const past = await api('POST', '/api/v1/admin/api-keys', { token: admin, body: { name: 'Old', expires_at: new Date(Date.now() - 60_000).toISOString() } });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.map((f: { path: string }) => f.path)).toContain('body.expires_at');
    // …and a key that has since expired no longer logs in.
    const expiring = await newKey({ expires_at: new Date(Date.now() + 3600_000).toISOString() });
    await api('PUT', `/api/v1/admin/api-keys/${expiring.id}`, { token: admin, body: { expires_at: new Date(Date.now() - 60_000).toISOString() } });
    expect((await login(expiring.key)).status).toBe(401);
    const k = await newKey();
    const token = await tokenFor(k.key);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).status).toBe(200);
    await api('PUT', `/api/v1/admin/api-keys/${k.id}`, { token: admin, body: { active: false } });
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).status).toBe(401);
    await api('PUT', `/api/v1/admin/api-keys/${k.id}`, { token: admin, body: { active: true, expires_at: new Date(Date.now() + 3600_000).toISOString() } });
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token)).status).toBe(200);
  });

  it('rotates a key: the old key and its tokens stop, the new one works, the counts stay', async () => {
    const k = await newKey();
    const old = await tokenFor(k.key);
    for (let i = 0; i < 3; i++) expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, old)).status).toBe(200);
    const rotated = await api('POST', `/api/v1/admin/api-keys/${k.id}/rotate`, { token: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(k.key);
    expect((await login(k.key)).status).toBe(401);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, old)).status).toBe(401);
    const fresh = await tokenFor(rotated.body.key);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, fresh)).status).toBe(200);
    await flushProxyUsage();
    // 1 login + 3 reads before, 1 login + 1 read after.
    expect((await api('GET', `/api/v1/admin/api-keys/${k.id}`, { token: admin })).body.total_requests).toBe(6);
  });

  it('rate-limits per key with a burst, sends X-RateLimit headers and 429 with Retry-After', async () => {
    const k = await newKey({ rate_limit: 60, burst: 3 });
    const other = await newKey();
    const token = await tokenFor(k.key);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, token);
      statuses.push(last.status);
      if (i === 0) expect(last.headers.get('x-ratelimit-limit')).toBe('60');
      if (i === 0) expect(last.headers.get('x-ratelimit-remaining')).toBe('2');
      expect(Number(last.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    failureResponse.parse(await last!.json());
    // Another key is not affected.
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}`, await tokenFor(other.key))).status).toBe(200);
  });

  it('counts usage per key: total, per day, last used', async () => {
    const k = await newKey();
    const token = await tokenFor(k.key);
    for (let i = 0; i < 4; i++) await get(`/movies/${FAKE_TVDB_IDS.movie}`, token);
    await flushProxyUsage();
    const one = await api('GET', `/api/v1/admin/api-keys/${k.id}`, { token: admin });
    expect(one.body.total_requests).toBe(5);
    expect(one.body.last_used_at).not.toBeNull();
    const usage = await api('GET', '/api/v1/admin/api-keys/stats/usage', { token: admin });
    expect(usage.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(usage.body.per_day.find((d: { day: string }) => d.day === today).requests).toBeGreaterThanOrEqual(5);
    expect(usage.body.per_key.find((p: { id: string }) => p.id === k.id)).toMatchObject({ total_requests: 5, requests_in_period: 5 });
  });

  it('caches in the database: a hit needs no upstream call, also after a restart', async () => {
    const token = await tokenFor((await newKey()).key);
    const first = await get(`/people/${FAKE_TVDB_IDS.mara}`, token);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const second = await get(`/people/${FAKE_TVDB_IDS.mara}`, token);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    resetProxyState(); // a restart: memory gone, database kept
    fake.setDown(true);
    const third = await get(`/people/${FAKE_TVDB_IDS.mara}`, token);
    expect(third.status).toBe(200);
    expect(third.headers.get('x-cache')).toBe('HIT');
    expect(fake.calls.byRoute.get('/people/:id')).toBe(1);
    const etag = third.headers.get('etag')!;
    expect((await get(`/people/${FAKE_TVDB_IDS.mara}`, token, { 'if-none-match': etag })).status).toBe(304);
  });

  it('serves stale answers while refreshing, and with a Warning while TheTVDB is down', async () => {
    const token = await tokenFor((await newKey()).key);
    const path = `/episodes/${[...fake.data.episodes.keys()][2]}`;
    await get(path, token);
    await proxyState().cache.expireRecords([{ type: 'episodes', id: Number(path.split('/')[2]) }]);
    const stale = await get(path, token);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(stale.headers.get('warning')).toContain('110');
    await proxyState().cache.settle();
    expect(fake.calls.byRoute.get('/episodes/:id')).toBe(2);
    expect((await get(path, token)).headers.get('x-cache')).toBe('HIT');

    await proxyState().cache.expireRecords([{ type: 'episodes', id: Number(path.split('/')[2]) }]);
    fake.setDown(true);
    expect((await get(path, token)).headers.get('x-cache')).toBe('STALE');
    await proxyState().cache.settle();
    const down = await get(path, token);
    expect(down.status).toBe(200);
    expect(down.headers.get('warning')).toContain('111');
    // Nothing cached and TheTVDB down: TheTVDB-style failure.
    const miss = await get(`/series/${FAKE_TVDB_IDS.noonQuiz}`, token);
    expect(miss.status).toBe(503);
    failureResponse.parse(await miss.json());
    // Unreachable altogether (connections reset): 503 too.
    fake.setDown('reset');
    const reset = await get(`/people/${FAKE_TVDB_IDS.tobias}/extended?meta=translations`, token);
    expect(reset.status).toBe(503);
    expect(failureResponse.parse(await reset.json()).message).toContain('unreachable');
  });

  it('sends 100 concurrent misses for one record upstream once', async () => {
    const token = await tokenFor((await newKey({ burst: 200, rate_limit: 6000 })).key);
    fake.setDelay(200);
    const answers = await Promise.all(Array.from({ length: 100 }, () => get(`/series/${FAKE_TVDB_IDS.noonQuiz}/extended`, token)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(fake.calls.byRoute.get('/series/:id/extended')).toBe(1);
  });

  it('logs in upstream once and again when TheTVDB revokes its token', async () => {
    const token = await tokenFor((await newKey()).key);
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}/episodes/official`, token)).status).toBe(200);
    fake.revokeTokens();
    expect((await get(`/series/${FAKE_TVDB_IDS.lighthouse}/episodes/dvd`, token)).status).toBe(200);
    expect(fake.calls.byRoute.get('/login')).toBe(2);
  });

  it('expires changed records from the updates feed (auto-sync)', async () => {
    const token = await tokenFor((await newKey()).key);
    const path = `/series/${FAKE_TVDB_IDS.lighthouse}/extended`;
    await get(path, token);
    expect((await get(path, token)).headers.get('x-cache')).toBe('HIT');
    fake.data.updates.push({ entityType: 'series', method: 'update', methodInt: 2, recordId: FAKE_TVDB_IDS.lighthouse, timeStamp: Math.floor(Date.now() / 1000) });
    const result = (await tvdbSyncJob.handle({}, { jobId: 'test', signal: new AbortController().signal, progress: async () => {} })) as { expired: number };
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await get(path, token)).headers.get('x-cache')).toBe('STALE');
  });
});
