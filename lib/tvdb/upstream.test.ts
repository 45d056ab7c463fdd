import { describe, expect, it } from 'vitest';
import { TOKEN_RENEW_MS, TvdbUpstream, UpstreamError } from './upstream';

/** A scripted TheTVDB: logins hand out numbered tokens; reads answer 401 for revoked tokens. */
function scripted() {
  const calls: string[] = [];
  let issued = 0;
  const revoked = new Set<string>();
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    const path = String(url).replace('http://tvdb.test/v4', '');
    calls.push(path);
    if (path === '/login') {
      const body = JSON.parse(String(init?.body)) as { apikey: string; pin?: string };
      if (body.apikey !== 'key') return new Response(JSON.stringify({ status: 'failure', message: 'InvalidAPIKey' }), { status: 401 });
      return new Response(JSON.stringify({ status: 'success', data: { token: `t${++issued}` } }));
    }
    const token = new Headers(init?.headers).get('authorization')?.slice('Bearer '.length) ?? '';
    if (revoked.has(token)) return new Response('{"status":"failure","message":"Unauthorized"}', { status: 401 });
    return new Response(JSON.stringify({ status: 'success', data: { token } }), { headers: { 'retry-after': '7' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls, revoke: (t: string) => revoked.add(t) };
}

describe('TvdbUpstream', () => {
  it('logs in once, reuses the token, and renews it before its month is over', async () => {
    const s = scripted();
    let now = 0;
    const up = new TvdbUpstream({ baseUrl: 'http://tvdb.test/v4/', apiKey: 'key', fetch: s.fetch, now: () => now });
    expect(JSON.parse((await up.get('/series/1')).body).data.token).toBe('t1');
    await up.get('/series/2');
    expect(s.calls).toEqual(['/login', '/series/1', '/series/2']);
    now += TOKEN_RENEW_MS + 1;
    expect(JSON.parse((await up.get('/series/3')).body).data.token).toBe('t2');
    expect(s.calls.filter((c) => c === '/login')).toHaveLength(2);
  });

  it('logs in again once when TheTVDB answers 401, and passes status and Retry-After through', async () => {
    const s = scripted();
    const up = new TvdbUpstream({ baseUrl: 'http://tvdb.test/v4', apiKey: 'key', fetch: s.fetch });
    await up.get('/series/1');
    s.revoke('t1');
    const res = await up.get('/series/1');
    expect(res).toMatchObject({ status: 200, retryAfter: '7' });
    expect(JSON.parse(res.body).data.token).toBe('t2');
  });

  it('shares one login among concurrent requests, and reports a refused key', async () => {
    const s = scripted();
    const up = new TvdbUpstream({ baseUrl: 'http://tvdb.test/v4', apiKey: 'key', fetch: s.fetch });
    await Promise.all([up.get('/a'), up.get('/b'), up.get('/c')]);
    expect(s.calls.filter((c) => c === '/login')).toHaveLength(1);
    const bad = new TvdbUpstream({ baseUrl: 'http://tvdb.test/v4', apiKey: 'wrong', fetch: s.fetch });
    await expect(bad.get('/a')).rejects.toThrow(UpstreamError);
  });
});
