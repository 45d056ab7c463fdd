import { relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { createApiSession } from '@/lib/auth/api-sessions';
import { api, apiRouteFiles, signUp, type ApiResult, type CallOptions } from './api';

type Doc = { openapi: string; paths: Record<string, Record<string, { 'x-access': string; 'x-api-key-scopes'?: string[]; security: unknown[] }>> };

/** Whether an answer is an authorization refusal, and which: no valid credentials, a key scope, a role, a disabled account. */
function authRefusal(res: ApiResult): 'unauthenticated' | 'scope' | 'admin' | 'disabled' | null {
  const error = (res.body as { error?: { code?: string; message?: string } } | null)?.error;
  if (res.status === 401) return 'unauthenticated';
  if (res.status === 403 && error?.code === 'account_disabled') return 'disabled';
  if (res.status === 403 && error?.code === 'forbidden' && /API key's scope/.test(error.message ?? '')) return 'scope';
  if (res.status === 403 && error?.code === 'forbidden' && /admin account/.test(error.message ?? '')) return 'admin';
  return null;
}
let doc: Doc;

function pathOfRouteFile(file: string): string {
  const dirs = relative(process.cwd(), file).split(sep).slice(1, -1);
  return '/' + dirs.map((d) => d.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
}

beforeAll(async () => {
  const res = await api('GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every route handler under app/api/v1, the health route and the TV Time routes', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const files = [...apiRouteFiles('app/api/v1'), ...apiRouteFiles('app/api/health'), ...apiRouteFiles('app/tvtime')];
    expect(files.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, { contract?: { method: string; path: string } }>;
      const bound = Object.values(mod).filter((h) => h?.contract);
      if (bound.length === 0) missing.push(`${file}: no handler bound to a contract`);
      for (const h of bound) {
        const { method, path } = h.contract!;
        if (path !== pathOfRouteFile(file)) missing.push(`${file}: contract path ${path} does not match the file's path`);
        if (!doc.paths[path]?.[method.toLowerCase()]) missing.push(`${method} ${path} (${file}) is not in the document`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents no operation that has no handler', async () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const file = [...apiRouteFiles('app/api'), ...apiRouteFiles('app/tvtime')].find((f) => pathOfRouteFile(f) === path);
      expect(file, `route file for ${path}`).toBeDefined();
      const mod = (await import(file!)) as Record<string, { contract?: unknown }>;
      for (const method of Object.keys(ops)) expect(mod[method.toUpperCase()]?.contract, `${method} ${path}`).toBeDefined();
    }
  });

  it('applies the authorization matrix to every operation: each credential gets what the operation declares', async () => {
    const started = Date.now();
    const admin = await signUp('oa-admin');
    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
    const plain = await signUp('oa-user');
    // Dead credentials, made once: each must be refused like no credential at all.
    const revokedSession = await signUp('oa-revoked');
    expect((await api('DELETE', '/api/v1/auth/session', { token: revokedSession.token })).status).toBe(204);
    const revokedKey = await createApiKey(plain.id, { name: 'revoked', scope: 'full' });
    expect((await api('DELETE', `/api/v1/user/api-keys/${revokedKey.id}`, { token: plain.token })).status).toBe(204);
    const gone = await signUp('oa-deleted');
    const goneKey = await createApiKey(gone.id, { name: 'of a deleted account', scope: 'full' });
    expect((await api('DELETE', `/api/v1/admin/users/${gone.id}`, { token: admin.token })).status).toBe(204);
    const disabled = await signUp('oa-disabled');
    const disabledKey = await createApiKey(disabled.id, { name: 'of a disabled account', scope: 'full' });
    expect((await api('PATCH', `/api/v1/admin/users/${disabled.id}`, { token: admin.token, body: { disabled: true } })).status).toBe(200);
    const dead: [string, CallOptions & { query?: string }][] = [
      ['anonymous', {}],
      ['a garbage bearer token', { token: 'not-a-real-token' }],
      ['a garbage API key', { token: 'mq_k_garbagegarbagegarbagegarbage' }],
      ['a Basic Authorization header', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }],
      ['a garbage session cookie', { cookie: 'next-auth.session-token=garbage' }],
      ['a revoked bearer session', { token: revokedSession.token }],
      ['the session of a deleted account', { token: gone.token }],
      ['a revoked API key', { token: revokedKey.key }],
      ['the API key of a deleted account', { token: goneKey.key }],
      ['the session of a disabled account', { token: disabled.token }],
      ['the API key of a disabled account', { token: disabledKey.key }],
    ];
    const scopes = ['full', 'read', 'scanner', 'scrobble'] as const;
    const problems: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const url = path.replace(/\{\w+\}/g, 'nonexistent-id');
      for (const [method, op] of Object.entries(ops)) {
        const access = op['x-access'];
        const keyScopes = op['x-api-key-scopes'] ?? [];
        expect(['public', 'user', 'admin'], `${method} ${path} x-access`).toContain(access);
        // Webhook receivers also take a key in the query (?key=, for senders that cannot set headers).
        const keyInQuery = JSON.stringify(op.security).includes('apiKeyQuery');
        expect(op.security, `${method} ${path} security`).toEqual(access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }, ...(keyInQuery ? [{ apiKeyQuery: [] }] : [])]);
        // Live credentials are made per operation: an operation may end the session it is called with.
        const live: [string, CallOptions & { query?: string }, 'user' | 'admin', (typeof scopes)[number] | null][] = [
          ['a user session', { token: (await createApiSession(plain.id)).token }, 'user', null],
          ['an admin session', { token: (await createApiSession(admin.id)).token }, 'admin', null],
        ];
        for (const scope of scopes) {
          live.push([`a user's ${scope} API key`, { token: (await createApiKey(plain.id, { name: `m-${scope}`, scope })).key }, 'user', scope]);
          live.push([`an admin's ${scope} API key`, { token: (await createApiKey(admin.id, { name: `m-${scope}`, scope })).key }, 'admin', scope]);
          if (keyInQuery) live.push([`a user's ${scope} API key in the query`, { query: (await createApiKey(plain.id, { name: `q-${scope}`, scope })).key }, 'user', scope]);
        }
        const deadHere: [string, CallOptions & { query?: string }][] = keyInQuery
          ? [...dead, ['a garbage API key in the query', { query: 'mq_k_garbagegarbagegarbagegarbage' }], ['a revoked API key in the query', { query: revokedKey.key }], ['a session token in the query', { query: (await createApiSession(plain.id)).token }]]
          : dead;
        const call = ({ query, ...opts }: CallOptions & { query?: string }) =>
          api(method.toUpperCase(), query ? `${url}?key=${encodeURIComponent(query)}` : url, { ...opts, body: method === 'get' ? undefined : {} });
        for (const [who, opts] of deadHere) {
          const res = await call(opts);
          const refusal = authRefusal(res);
          checked++;
          if (access === 'public') {
            if (refusal) problems.push(`${method} ${path} (public) with ${who}: ${res.status} ${refusal}`);
          } else if (refusal !== 'unauthenticated' && !(who.includes('disabled') && refusal === 'disabled')) {
            problems.push(`${method} ${path} (${access}) with ${who}: expected 401, got ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
          }
        }
        for (const [who, opts, role, scope] of live) {
          const res = await call(opts);
          const refusal = authRefusal(res);
          checked++;
          const expected = access === 'public' ? null : scope && !keyScopes.includes(scope) ? 'scope' : access === 'admin' && role === 'user' ? 'admin' : null;
          if (refusal !== expected) problems.push(`${method} ${path} (${access}, key scopes ${keyScopes.join('/') || '-'}) with ${who}: expected ${expected ?? 'no refusal'}, got ${res.status} ${refusal ?? ''} ${JSON.stringify(res.body).slice(0, 120)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    console.log(`[authorization matrix] ${checked} (operation, credential) pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);

  it('answers /api/health whatever credentials come with it (it is public)', async () => {
    for (const opts of [{ token: 'stale-or-garbage' }, { token: 'mq_s_revokedrevokedrevoked' }, { headers: { authorization: 'Basic Zm9vOmJhcg==' } }] as CallOptions[]) {
      const res = await api('GET', '/api/health', opts);
      expect(res.status).toBe(200);
      expect(res.body.status).toMatch(/ok|degraded/);
    }
  });
});
