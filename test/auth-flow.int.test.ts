import { beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import { api, browserSignIn, signUp } from './api';

let admin: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  admin = await signUp('admin');
  const open = await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
  expect(open.status).toBe(200);
});

describe('token lifecycle', () => {
  it('session → authorized request → refresh → logout → 401', async () => {
    const me = await api('GET', '/api/v1/user', { token: admin.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: admin.username, role: 'admin' });
    expect(me.body).not.toHaveProperty('passwordHash');

    const session = await api('POST', '/api/v1/auth/session', { body: { username: admin.username, password: admin.password } });
    expect(session.status).toBe(201);
    expect(session.body.token).toMatch(/^mq_s_/);
    expect(new Date(session.body.expires_at).getTime()).toBeGreaterThan(Date.now());

    const refreshed = await api('POST', '/api/v1/auth/refresh', { token: session.body.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).not.toBe(session.body.token);
    expect((await api('GET', '/api/v1/user', { token: session.body.token })).status).toBe(401);
    expect((await api('GET', '/api/v1/user', { token: refreshed.body.token })).status).toBe(200);

    expect((await api('DELETE', '/api/v1/auth/session', { token: refreshed.body.token })).status).toBe(204);
    const after = await api('GET', '/api/v1/user', { token: refreshed.body.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    // The admin's other token is untouched.
    expect((await api('GET', '/api/v1/user', { token: admin.token })).status).toBe(200);
  });

  it('refuses bad credentials with 401 and the same message for unknown users', async () => {
    const wrong = await api('POST', '/api/v1/auth/session', { body: { username: admin.username, password: 'nope-nope' } });
    const unknown = await api('POST', '/api/v1/auth/session', { body: { username: 'ghost-user', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect((await api('GET', '/api/v1/user', { token: 'mq_s_not-a-real-token' })).status).toBe(401);
  });

  it('throttles after 5 failures per username+IP within 15 minutes, with Retry-After', async () => {
    const u = await signUp('throttled');
    const headers = { 'x-marquee-client-ip': '10.9.9.9' };
    for (let i = 0; i < 5; i++) {
      const r = await api('POST', '/api/v1/auth/session', { headers, body: { username: u.username, password: 'wrong-password' } });
      expect(r.status).toBe(401);
    }
    const locked = await api('POST', '/api/v1/auth/session', { headers, body: { username: u.username, password: u.password } });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_requests');
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    // Another address is not locked out.
    const elsewhere = await api('POST', '/api/v1/auth/session', {
      headers: { 'x-marquee-client-ip': '10.8.8.8' },
      body: { username: u.username, password: u.password },
    });
    expect(elsewhere.status).toBe(201);
  });

  it('accepts the browser session cookie only with a live server-side session behind it', async () => {
    const { cookie } = await browserSignIn(admin.id);
    const me = await api('GET', '/api/v1/user', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(admin.id);
    const sid = (await decode({ token: cookie.split('=')[1], secret: process.env.AUTH_SECRET! }))!.sid as string;
    const forged = await encode({ token: { sub: admin.id, sid }, secret: 'some-other-secret-0123456789abcdefgh' });
    expect((await api('GET', '/api/v1/user', { cookie: `next-auth.session-token=${forged}` })).status).toBe(401);
    // A cookie from before sessions were revocable (no session id) is not accepted.
    const legacy = await encode({ token: { sub: admin.id }, secret: process.env.AUTH_SECRET! });
    expect((await api('GET', '/api/v1/user', { cookie: `next-auth.session-token=${legacy}` })).status).toBe(401);
    // Another user's session id under this user's name is not accepted either.
    const other = await signUp('other');
    const otherSid = (await decode({ token: (await browserSignIn(other.id)).cookie.split('=')[1], secret: process.env.AUTH_SECRET! }))!.sid;
    const mixed = await encode({ token: { sub: admin.id, sid: otherSid }, secret: process.env.AUTH_SECRET! });
    expect((await api('GET', '/api/v1/user', { cookie: `next-auth.session-token=${mixed}` })).status).toBe(401);
    // The browser session id is no Bearer token.
    expect((await api('GET', '/api/v1/user', { token: sid })).status).toBe(401);
  });
});

describe('API keys', () => {
  it('are shown once, listed by preview, usable as Bearer, scoped, and revocable', async () => {
    const u = await signUp('keys');
    const created = await api('POST', '/api/v1/user/api-keys', { token: u.token, body: { name: 'cli', scope: 'full' } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^mq_k_/);
    const list = await api('GET', '/api/v1/user/api-keys', { token: u.token });
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).not.toHaveProperty('key');
    expect(created.body.key.startsWith(list.body[0].preview.split('…')[0])).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    expect((await api('GET', '/api/v1/user', { token: created.body.key })).body.id).toBe(u.id);

    const read = await api('POST', '/api/v1/user/api-keys', { token: u.token, body: { name: 'ro', scope: 'read' } });
    expect((await api('GET', '/api/v1/user/api-keys', { token: read.body.key })).status).toBe(200);
    const denied = await api('POST', '/api/v1/user/api-keys', { token: read.body.key, body: { name: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');

    expect((await api('DELETE', `/api/v1/user/api-keys/${created.body.id}`, { token: u.token })).status).toBe(204);
    expect((await api('GET', '/api/v1/user', { token: created.body.key })).status).toBe(401);
    // Another user cannot revoke (or even see) my key.
    const other = await signUp('other');
    expect((await api('DELETE', `/api/v1/user/api-keys/${read.body.id}`, { token: other.token })).status).toBe(404);
  });
});
