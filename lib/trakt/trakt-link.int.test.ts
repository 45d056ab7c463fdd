// Linking with Trakt through our API against the fake Trakt: the OAuth state (single use, bound to
// the user), the device code, status, refresh, unlink, per-user client credentials, isolation, and
// tokens never in an answer, the database in clear, or a log line.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeExport } from '@/lib/backup/export-db';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { useFakeTrakt, withoutTrakt } from '@/test/fakes/trakt-env';
import { FAKE_TRAKT_CLIENT_ID, FAKE_TRAKT_CLIENT_SECRET, type FakeTrakt, startFakeTrakt } from '@/test/fakes/trakt-server';
import { linkViaApi } from '@/test/trakt-fixture';
import { waitFor } from '@/test/wait-for';
import { pollDevice } from './oauth';
import { refreshExpiring } from './trakt-jobs';

let fake: FakeTrakt;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
const answers: string[] = [];
const logged: string[] = [];

/** Every answer is kept, to look for tokens in them at the end. */
async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await api(method, path, { token, body });
  answers.push(JSON.stringify(res.body), JSON.stringify([...res.headers]));
  return res;
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      original(...args);
    });
  }
  fake = await startFakeTrakt();
  useFakeTrakt(fake);
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
});

afterAll(async () => {
  withoutTrakt();
  await fake.stop();
});

describe('linking with Trakt', () => {
  it('is not linked at first: auth-status offers an authorize URL carrying a state', async () => {
    const res = await call('GET', '/api/v1/trakt/auth-status', alice.token);
    expect(res.status).toBe(200);
    expect(res.body.authenticated).toBe(false);
    const url = new URL(res.body.auth_url);
    expect(url.origin + url.pathname).toBe(`${fake.url}/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe(FAKE_TRAKT_CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3000/api/v1/trakt/oauth-callback');
    expect(url.searchParams.get('state')!.length).toBeGreaterThan(20);
    // Only the hash of the state is stored.
    const states = await db.traktAuthState.findMany({ where: { userId: alice.id } });
    expect(states.some((s) => s.stateHash === url.searchParams.get('state'))).toBe(false);
  });

  it('links through the authorize page and POST oauth-callback; a replayed state is refused', async () => {
    const { code, state } = await linkViaApi(fake, alice.token, 'alice-t');
    const status = await call('GET', '/api/v1/trakt/auth-status', alice.token);
    expect(status.body).toMatchObject({ authenticated: true, token_expired: false, status: 'ok', username: 'alice-t' });
    expect(Date.parse(status.body.expires_at)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const replay = await call('POST', '/api/v1/trakt/oauth-callback', alice.token, { code, state });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('trakt_invalid_state');
    expect(replay.body.error.message).toMatch(/already used/);
  });

  it("refuses another user's state, and an unknown one", async () => {
    const auth = await call('GET', '/api/v1/trakt/authenticate', alice.token);
    const state = new URL(auth.body.auth_url).searchParams.get('state')!;
    const stolen = await call('POST', '/api/v1/trakt/oauth-callback', bob.token, { code: 'whatever', state });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe('trakt_invalid_state');
    const unknown = await call('POST', '/api/v1/trakt/oauth-callback', bob.token, { code: 'whatever', state: 'not-a-state' });
    expect(unknown.body.error.code).toBe('trakt_invalid_state');
    expect((await call('GET', '/api/v1/trakt/auth-status', bob.token)).body.authenticated).toBe(false);
  });

  it('an invalid authorization code is trakt_invalid_code; the GET callback goes back to Settings', async () => {
    const auth = await call('GET', '/api/v1/trakt/authenticate', bob.token);
    const state = new URL(auth.body.auth_url).searchParams.get('state')!;
    const res = await api('GET', `/api/v1/trakt/oauth-callback?code=bogus&state=${state}`, { token: bob.token });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/settings?trakt_error=trakt_invalid_code#trakt');
    const auth2 = await call('GET', '/api/v1/trakt/authenticate', bob.token);
    const state2 = new URL(auth2.body.auth_url).searchParams.get('state')!;
    const bad = await call('POST', '/api/v1/trakt/oauth-callback', bob.token, { code: 'bogus', state: state2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('trakt_invalid_code');
  });

  it('the GET callback (Trakt’s redirect) links and goes to Settings', async () => {
    const auth = await call('GET', '/api/v1/trakt/authenticate', bob.token);
    fake.authorizeAs = 'bob-t';
    const res = await fetch(auth.body.auth_url, { method: 'POST', redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    const cb = await api('GET', back.pathname + back.search, { token: bob.token });
    expect(cb.status).toBe(302);
    expect(cb.headers.get('location')).toBe('/settings?trakt=linked#trakt');
    expect((await call('GET', '/api/v1/trakt/auth-status', bob.token)).body).toMatchObject({ authenticated: true, username: 'bob-t' });
  });

  it('refresh-token answers the new expiry, never a token; tokens are sealed at rest', async () => {
    const before = await db.traktLink.findUniqueOrThrow({ where: { userId: alice.id } });
    const res = await call('GET', '/api/v1/trakt/refresh-token', alice.token);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['expires_at']);
    const after = await db.traktLink.findUniqueOrThrow({ where: { userId: alice.id } });
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    for (const t of fake.issued) {
      expect(after.accessTokenEnc).not.toContain(t);
      expect(after.refreshTokenEnc).not.toContain(t);
    }
  });

  it('the worker refreshes a token before it expires, and only then', async () => {
    const soon = new Date(Date.now() + 30 * 60_000);
    await db.traktLink.update({ where: { userId: alice.id }, data: { expiresAt: soon } });
    const calls = fake.countRequests('/oauth/token');
    expect(await refreshExpiring()).toBeGreaterThanOrEqual(1);
    expect(fake.countRequests('/oauth/token')).toBeGreaterThan(calls);
    const link = await db.traktLink.findUniqueOrThrow({ where: { userId: alice.id } });
    expect(link.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const again = fake.countRequests('/oauth/token');
    await refreshExpiring();
    expect((await db.traktLink.findUniqueOrThrow({ where: { userId: alice.id } })).expiresAt).toEqual(link.expiresAt);
    expect(fake.countRequests('/oauth/token')).toBe(again);
  });

  it('a refused refresh marks the link needs_reauth (token_expired), without signing out of Marquee', async () => {
    const carol = await signUp('carol');
    await linkViaApi(fake, carol.token, 'carol-t');
    fake.revokeRefreshTokens();
    const res = await call('GET', '/api/v1/trakt/refresh-token', carol.token);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('trakt_token_expired');
    const status = await call('GET', '/api/v1/trakt/auth-status', carol.token);
    expect(status.body).toMatchObject({ authenticated: true, token_expired: true, status: 'needs_reauth' });
    expect((await call('GET', '/api/v1/user', carol.token)).status).toBe(200);
  });

  it('the device-code flow: the code, then linked once approved on Trakt', async () => {
    const dave = await signUp('dave');
    const res = await call('POST', '/api/v1/trakt/device-code', dave.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user_code: expect.any(String), verification_url: `${fake.url}/activate`, interval: 1 });
    const status = await call('GET', '/api/v1/trakt/auth-status', dave.token);
    expect(status.body.device).toMatchObject({ user_code: res.body.user_code });
    const row = await db.traktAuthState.findFirstOrThrow({ where: { userId: dave.id, kind: 'device' } });
    // The worker's job polls; here the same poll runs in-process at the interval.
    expect((await pollDevice(row.id)).result).toBe('pending');
    fake.authorizeAs = 'dave-t';
    fake.approveDevice(res.body.user_code);
    await waitFor(async () => (await pollDevice(row.id)).result === 'done', { timeoutMs: 10_000, intervalMs: 1000, what: 'the device link' });
    expect((await call('GET', '/api/v1/trakt/auth-status', dave.token)).body).toMatchObject({ authenticated: true, username: 'dave-t', device: null });
  });

  it('per-user client credentials are used instead of the server’s, stored encrypted, listed as previews', async () => {
    const erin = await signUp('erin');
    fake.apps.set('erins-own-app-id', 'erins-own-secret-value');
    expect((await call('POST', '/api/v1/user/service-keys', erin.token, { service_name: 'trakt_client_id', api_key: 'erins-own-app-id' })).status).toBe(201);
    const saved = await call('POST', '/api/v1/user/service-keys', erin.token, { service_name: 'trakt_client_secret', api_key: 'erins-own-secret-value' });
    expect(saved.body.preview).not.toContain('erins-own-secret-value');
    const rows = await db.serviceKey.findMany({ where: { userId: erin.id } });
    expect(rows.map((r) => r.valueEnc).join()).not.toContain('erins-own');
    const list = await call('GET', '/api/v1/user/service-keys', erin.token);
    expect(JSON.stringify(list.body)).not.toContain('erins-own-secret-value');
    const auth = await call('GET', '/api/v1/trakt/authenticate', erin.token);
    expect(new URL(auth.body.auth_url).searchParams.get('client_id')).toBe('erins-own-app-id');
    await linkViaApi(fake, erin.token, 'erin-t');
    expect((await call('GET', '/api/v1/trakt/auth-status', erin.token)).body.authenticated).toBe(true);
    // Bob's are not Erin's.
    expect((await call('GET', '/api/v1/user/service-keys', bob.token)).body).toEqual([]);
  });

  it('without any client credentials: trakt_no_client_credentials', async () => {
    withoutTrakt();
    try {
      const res = await call('GET', '/api/v1/trakt/authenticate', bob.token);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('trakt_no_client_credentials');
    } finally {
      useFakeTrakt(fake);
    }
  });

  it('unlink revokes at Trakt and forgets the link; the other user keeps theirs', async () => {
    const revokesBefore = fake.countRequests('/oauth/revoke');
    const res = await call('DELETE', '/api/v1/trakt/link', bob.token);
    expect(res.status).toBe(204);
    expect(fake.countRequests('/oauth/revoke')).toBe(revokesBefore + 1);
    expect((await call('GET', '/api/v1/trakt/auth-status', bob.token)).body.authenticated).toBe(false);
    expect((await call('GET', '/api/v1/trakt/auth-status', alice.token)).body.authenticated).toBe(true);
    expect(await db.traktLink.count({ where: { userId: bob.id } })).toBe(0);
  });

  it('an export carries no token, sealed token or stored client secret', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const counts = await writeExport(out);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(counts.User).toBeGreaterThan(0);
    for (const t of fake.issued) expect(text).not.toContain(t);
    const sealed = (await db.traktLink.findMany()).flatMap((l) => [l.accessTokenEnc, l.refreshTokenEnc]);
    expect(sealed.length).toBeGreaterThan(0);
    for (const s of sealed) expect(text).not.toContain(s);
    expect(text).not.toContain('erins-own-secret-value');
    for (const k of await db.serviceKey.findMany()) expect(text).not.toContain(k.valueEnc);
  });

  it('no token ever appeared in an answer or a log line', () => {
    expect(fake.issued.length).toBeGreaterThan(6);
    const all = answers.join('\n') + logged.join('\n');
    for (const t of fake.issued) expect(all).not.toContain(t);
    expect(all).not.toContain(FAKE_TRAKT_CLIENT_SECRET);
  });
});
