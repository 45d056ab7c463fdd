// Admins add accounts (with a password, or an invite link the new user opens), invites work in
// every registration mode unless turned off, and the last admin who can sign in is kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from './api';

const password = 'correct horse battery';
let admin: Awaited<ReturnType<typeof signUp>>;
let plain: Awaited<ReturnType<typeof signUp>>;

async function setSettings(body: Record<string, unknown>) {
  const r = await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function signIn(username: string, pw: string) {
  return api('POST', '/api/v1/auth/session', { body: { username, password: pw } });
}

function inviteCode(url: string): string {
  return new URL(url).searchParams.get('invite')!;
}

beforeAll(async () => {
  admin = await signUp('boss');
  await setSettings({ registration: 'open' });
  plain = await signUp('plain');
  await setSettings({ registration: 'closed' });
});

describe('POST /api/v1/admin/users', () => {
  it('is closed by default and still lets an admin add an account with a password (201), who signs in at once', async () => {
    expect((await api('GET', '/api/v1/admin/settings', { token: admin.token })).body).toEqual({ registration: 'closed', invites: true, email_activation: 'off', demo: false });
    const r = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'Grace', password, email: 'Grace@Example.org', role: 'user' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username: 'grace', email: 'grace@example.org', role: 'user', disabled: false, has_password: true, invite: null });
    expect((await signIn('grace', password)).status).toBe(201);
  });

  it('without a password answers with an invite link that opens as "choose your password" for that account, once', async () => {
    const r = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'linus', role: 'admin' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username: 'linus', role: 'admin', has_password: false });
    expect(r.body.invite.url).toMatch(/^http:\/\/.+\/register\?invite=mq_a_/);
    expect(Date.parse(r.body.invite.expires_at)).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const code = inviteCode(r.body.invite.url);
    expect(code).toBe(r.body.invite.code);

    // No password matches until the owner chooses one.
    expect((await signIn('linus', '')).status).toBe(400);
    expect((await signIn('linus', 'anything at all')).status).toBe(401);

    // The link is for this username only.
    const other = await api('POST', '/api/v1/user/register', { body: { username: 'someone', password, invite: code } });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('invite_required');

    const claimed = await api('POST', '/api/v1/user/register', { body: { username: 'linus', password, invite: code } });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({ id: r.body.id, username: 'linus', role: 'admin' });
    expect((await signIn('linus', password)).status).toBe(201);

    const again = await api('POST', '/api/v1/user/register', { body: { username: 'linus', password: 'a different one', invite: code } });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('invite_required');
    expect((await signIn('linus', password)).status).toBe(201);

    const list = await api('GET', '/api/v1/admin/users', { token: admin.token });
    expect(list.body.find((u: { username: string }) => u.username === 'linus').has_password).toBe(true);
  });

  it('refuses a forged or tampered invite link', async () => {
    const r = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'mallory-target' } });
    expect(r.body.role).toBe('user');
    const code: string = r.body.invite.code;
    const tampered = code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA');
    const res = await api('POST', '/api/v1/user/register', { body: { username: 'mallory-target', password, invite: tampered } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invite_required');
    // An admin can make a new link for the waiting account.
    const fresh = await api('POST', `/api/v1/admin/users/${r.body.id}/invite`, { token: admin.token });
    expect(fresh.status).toBe(201);
    expect((await api('POST', '/api/v1/user/register', { body: { username: 'mallory-target', password, invite: fresh.body.code } })).status).toBe(201);
    const noLonger = await api('POST', `/api/v1/admin/users/${r.body.id}/invite`, { token: admin.token });
    expect(noLonger.status).toBe(409);
  });

  it('answers validation errors in plain words, per field', async () => {
    const r = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'x', password: 'short', email: 'nope', role: 'root' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    const byField = Object.fromEntries(r.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byField).toEqual({
      'body.username': 'Use at least 3 characters.',
      'body.password': 'Use at least 8 characters.',
      'body.email': 'Enter an email address, like name@example.com.',
      'body.role': 'Choose one of: admin, user.',
    });
    const empty = await api('POST', '/api/v1/admin/users', { token: admin.token, body: {} });
    expect(empty.body.error.fields).toEqual([{ path: 'body.username', message: 'This is required.' }]);
  });

  it('answers 409 for a taken username or email', async () => {
    const taken = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'GRACE', password } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('username_taken');
    const email = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'grace2', password, email: 'grace@example.org' } });
    expect(email.status).toBe(409);
    expect(email.body.error.code).toBe('email_taken');
  });

  it('is for admins only (403 for a plain user, 401 without credentials)', async () => {
    const r = await api('POST', '/api/v1/admin/users', { token: plain.token, body: { username: 'sneaky', password } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect((await api('POST', '/api/v1/admin/users', { body: { username: 'sneaky', password } })).status).toBe(401);
    expect((await api('DELETE', `/api/v1/admin/users/${admin.id}`, { token: plain.token })).status).toBe(403);
    expect(await db.user.findUnique({ where: { username: 'sneaky' } })).toBeNull();
  });
});

describe('invites in each registration mode', () => {
  it.each(['closed', 'invite', 'open'] as const)('an invite code signs someone up while registration is %s', async (mode) => {
    await setSettings({ registration: mode, invites: true });
    const invite = await api('POST', '/api/v1/admin/invites', { token: admin.token });
    expect(invite.status).toBe(201);
    const username = `invited-${mode}`;
    const r = await api('POST', '/api/v1/user/register', { body: { username, password, invite: invite.body.code } });
    expect(r.status).toBe(201);
    expect(r.body.role).toBe('user');
  });

  it('without a code: open signs up, invite asks for one, closed is closed', async () => {
    await setSettings({ registration: 'open' });
    expect((await api('POST', '/api/v1/user/register', { body: { username: 'walkin', password } })).status).toBe(201);
    await setSettings({ registration: 'invite' });
    expect((await api('POST', '/api/v1/user/register', { body: { username: 'walkin2', password } })).body.error.code).toBe('invite_required');
    await setSettings({ registration: 'closed' });
    expect((await api('POST', '/api/v1/user/register', { body: { username: 'walkin2', password } })).body.error.code).toBe('registration_closed');
  });

  it('turned off, invites are neither made nor accepted, nor are invite links for new accounts', async () => {
    await setSettings({ registration: 'closed', invites: true });
    const made = await api('POST', '/api/v1/admin/invites', { token: admin.token });
    const waiting = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'waiting' } });
    expect(await setSettings({ invites: false })).toEqual({ registration: 'closed', invites: false, email_activation: 'off', demo: false });

    const create = await api('POST', '/api/v1/admin/invites', { token: admin.token });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('invites_disabled');
    const use = await api('POST', '/api/v1/user/register', { body: { username: 'late', password, invite: made.body.code } });
    expect(use.body.error.code).toBe('invites_disabled');
    const claim = await api('POST', '/api/v1/user/register', { body: { username: 'waiting', password, invite: waiting.body.invite.code } });
    expect(claim.body.error.code).toBe('invites_disabled');
    const noPassword = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'nopass' } });
    expect(noPassword.status).toBe(403);
    expect(noPassword.body.error.code).toBe('invites_disabled');
    // With a password an admin still adds accounts.
    expect((await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'withpass', password } })).status).toBe(201);

    // Invite-only sign-up cannot be chosen while invites are off.
    const conflict = await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'invite' } });
    expect(conflict.status).toBe(409);
    await setSettings({ invites: true });
    expect((await api('POST', '/api/v1/user/register', { body: { username: 'late', password, invite: made.body.code } })).status).toBe(201);
  });
});

describe('the last admin', () => {
  it('cannot demote, disable or delete themselves (409 last_admin), and can once another admin signs in', async () => {
    // Other admins exist in this file (linus); make this test about one admin alone.
    await db.user.updateMany({ where: { role: 'admin', id: { not: admin.id } }, data: { role: 'user' } });
    // An admin still waiting for their invite link does not count: they cannot sign in yet.
    const pending = await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'pending-admin', role: 'admin' } });
    expect(pending.status).toBe(201);

    for (const [method, path, body] of [
      ['PATCH', `/api/v1/admin/users/${admin.id}`, { role: 'user' }],
      ['PATCH', `/api/v1/admin/users/${admin.id}`, { disabled: true }],
      ['DELETE', `/api/v1/admin/users/${admin.id}`, undefined],
      ['DELETE', '/api/v1/user', { password }],
    ] as const) {
      const r = await api(method, path, { token: admin.token, body });
      expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(409);
      expect(r.body.error.code).toBe('last_admin');
      expect(r.body.error.message).toMatch(/only admin/);
    }
    const me = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(me).toMatchObject({ role: 'admin', disabled: false });

    const grace = await db.user.findUniqueOrThrow({ where: { username: 'grace' } });
    expect((await api('PATCH', `/api/v1/admin/users/${grace.id}`, { token: admin.token, body: { role: 'admin' } })).status).toBe(200);
    const demoted = await api('PATCH', `/api/v1/admin/users/${admin.id}`, { token: admin.token, body: { role: 'user' } });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('user');
  });

  it('lets an admin delete another account, with its sessions', async () => {
    const graceToken = (await signIn('grace', password)).body.token;
    const victim = (await api('POST', '/api/v1/admin/users', { token: graceToken, body: { username: 'deleted', password } })).body;
    const victimToken = (await signIn('deleted', password)).body.token;
    const r = await api('DELETE', `/api/v1/admin/users/${victim.id}`, { token: graceToken });
    expect(r.status).toBe(204);
    expect(await db.user.findUnique({ where: { id: victim.id } })).toBeNull();
    expect((await api('GET', '/api/v1/user', { token: victimToken })).status).toBe(401);
    expect((await api('DELETE', `/api/v1/admin/users/${victim.id}`, { token: graceToken })).status).toBe(404);
  });
});
