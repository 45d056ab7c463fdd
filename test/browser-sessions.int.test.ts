// Issue #14, item 4: a browser session cookie can be taken back. A copy of the cookie stops working
// after sign-out (NextAuth's and ours), a password change elsewhere, and "sign out everywhere".
import { decode, encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { authOptions } from '@/lib/users/next-auth-options';
import { api, browserSignIn, signUp } from './api';

const password = 'correct horse battery';
const me = (cookie: string) => api('GET', '/api/v1/user', { cookie }).then((r) => r.status);

beforeAll(async () => {
  const admin = await signUp('admin');
  const open = await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
  expect(open.status).toBe(200);
});

describe('revocable browser sessions', () => {
  it('NextAuth sign-out revokes the session: a copied cookie stops working', async () => {
    const u = await signUp('nextauth');
    const { cookie } = await browserSignIn(u.id);
    const other = await browserSignIn(u.id);
    expect(await me(cookie)).toBe(200);
    const token = await decode({ token: cookie.split('=')[1], secret: process.env.AUTH_SECRET! });
    await authOptions().events!.signOut!({ token: token!, session: null as never });
    expect(await me(cookie)).toBe(401);
    // Only that one: the same user's other browser is still signed in.
    expect(await me(other.cookie)).toBe(200);
  });

  it('DELETE /api/v1/auth/session with the cookie revokes it and clears it', async () => {
    const u = await signUp('apisignout');
    const { cookie, sameOrigin } = await browserSignIn(u.id);
    const r = await api('DELETE', '/api/v1/auth/session', { cookie, headers: sameOrigin });
    expect(r.status).toBe(204);
    expect(r.headers.get('set-cookie')).toMatch(/next-auth\.session-token=;.*Max-Age=0/);
    expect(await me(cookie)).toBe(401);
    expect((await api('GET', '/api/v1/user', { token: u.token })).status).toBe(200);
  });

  it('a password change ends every other session, cookie or token, and keeps the one making it', async () => {
    const u = await signUp('pwchange');
    const here = await browserSignIn(u.id);
    const elsewhere = await browserSignIn(u.id);
    const key = await api('POST', '/api/v1/user/api-keys', { token: u.token, body: { name: 'script' } });
    const changed = await api('PATCH', '/api/v1/user', { cookie: here.cookie, headers: here.sameOrigin, body: { password, new_password: 'another secret' } });
    expect(changed.status).toBe(200);
    expect(await me(here.cookie)).toBe(200);
    expect(await me(elsewhere.cookie)).toBe(401);
    expect((await api('GET', '/api/v1/user', { token: u.token })).status).toBe(401);
    // API keys are not sessions: revoked one by one, not by a password change.
    expect((await api('GET', '/api/v1/user', { token: key.body.key })).status).toBe(200);

    // Changed through a Bearer token: the browser's cookie stops working.
    const token = (await api('POST', '/api/v1/auth/session', { body: { username: u.username, password: 'another secret' } })).body.token;
    const again = await api('PATCH', '/api/v1/user', { token, body: { password: 'another secret', new_password: 'third secret' } });
    expect(again.status).toBe(200);
    expect(await me(here.cookie)).toBe(401);
    expect((await api('GET', '/api/v1/user', { token })).status).toBe(200);
  });

  it('sign out everywhere ends every browser and bearer session of the user, and nobody else’s', async () => {
    const u = await signUp('everywhere');
    const bystander = await signUp('bystander');
    const a = await browserSignIn(u.id);
    const b = await browserSignIn(u.id);
    const theirs = await browserSignIn(bystander.id);
    const key = await api('POST', '/api/v1/user/api-keys', { token: u.token, body: { name: 'script' } });
    const r = await api('DELETE', '/api/v1/auth/sessions', { cookie: a.cookie, headers: a.sameOrigin });
    expect(r.status).toBe(204);
    expect(r.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await me(a.cookie)).toBe(401);
    expect(await me(b.cookie)).toBe(401);
    expect((await api('GET', '/api/v1/user', { token: u.token })).status).toBe(401);
    expect((await api('GET', '/api/v1/user', { token: key.body.key })).status).toBe(200);
    expect(await me(theirs.cookie)).toBe(200);
    expect((await api('GET', '/api/v1/user', { token: bystander.token })).status).toBe(200);

    // With a Bearer token too, and it is in the OpenAPI document.
    const token = (await api('POST', '/api/v1/auth/session', { body: { username: u.username, password } })).body.token;
    expect((await api('DELETE', '/api/v1/auth/sessions', { token })).status).toBe(204);
    expect((await api('GET', '/api/v1/user', { token })).status).toBe(401);
    const doc = (await api('GET', '/api/v1/openapi.json')).body;
    expect(doc.paths['/api/v1/auth/sessions'].delete.summary).toMatch(/Sign out everywhere/);
  });

  it('a sign-in with no session of its own yet (Trakt) gets one, revocable like the rest', async () => {
    const u = await signUp('traktsignin');
    const token = await authOptions().callbacks!.jwt!({ token: {}, user: { id: u.id }, account: null } as never);
    expect(token.sid).toMatch(/^mq_b_/);
    const cookie = `next-auth.session-token=${await encode({ token, secret: process.env.AUTH_SECRET! })}`;
    expect(await me(cookie)).toBe(200);
    await authOptions().events!.signOut!({ token, session: null as never });
    expect(await me(cookie)).toBe(401);
  });
});
