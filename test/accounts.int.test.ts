import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from './api';

const password = 'correct horse battery';

describe('accounts', () => {
  it('makes the first account admin, then follows the registration setting', async () => {
    const admin = await signUp('first');
    expect((await api('GET', '/api/v1/user', { token: admin.token })).body.role).toBe('admin');

    const closed = await api('POST', '/api/v1/user/register', { body: { username: 'latecomer', password } });
    expect(closed.status).toBe(403);
    expect(closed.body.error.code).toBe('registration_closed');

    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'invite' } });
    const noInvite = await api('POST', '/api/v1/user/register', { body: { username: 'latecomer', password } });
    expect(noInvite.body.error.code).toBe('invite_required');
    const invite = await api('POST', '/api/v1/admin/invites', { token: admin.token });
    expect(invite.status).toBe(201);
    const invited = await api('POST', '/api/v1/user/register', { body: { username: 'latecomer', password, invite: invite.body.code } });
    expect(invited.status).toBe(201);
    expect(invited.body.role).toBe('user');
    const reused = await api('POST', '/api/v1/user/register', { body: { username: 'second', password, invite: invite.body.code } });
    expect(reused.body.error.code).toBe('invite_required');

    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
    const taken = await api('POST', '/api/v1/user/register', { body: { username: 'LateComer', password } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('username_taken');

    const invalid = await api('POST', '/api/v1/user/register', { body: { username: 'x', password: 'short', email: 'not-an-email' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation_failed');
    expect(invalid.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.email', 'body.password', 'body.username']);
  });

  it('sets up the profile, changes password and email with the current password only', async () => {
    const u = await signUp('profile');
    const setup = await api('POST', '/api/v1/user/setup', { token: u.token, body: { name: 'Pat', avatar: 'https://example.org/a.png' } });
    expect(setup.status).toBe(200);
    expect(setup.body).toMatchObject({ name: 'Pat', avatar: 'https://example.org/a.png' });

    const wrong = await api('PATCH', '/api/v1/user', { token: u.token, body: { password: 'not-it-at-all', new_password: 'another secret' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_password');

    // A new email is confirmed by the link mailed to it (kept in the outbox here: no SMTP_URL).
    const email = await api('PATCH', '/api/v1/user', { token: u.token, body: { password: u.password, new_email: 'Pat@Example.org' } });
    expect(email.status).toBe(200);
    expect(email.body.email).toBeNull();
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: 'pat@example.org', kind: 'email_change' } });
    const token = /confirm-email\?token=(\S+)/.exec(mail.text)![1];
    expect((await api('POST', '/api/v1/user/email/confirm', { body: { token } })).body.email).toBe('pat@example.org');
    expect((await api('GET', '/api/v1/user', { token: u.token })).body.email).toBe('pat@example.org');

    const other = await api('POST', '/api/v1/auth/session', { body: { username: u.username, password: u.password } });
    const changed = await api('PATCH', '/api/v1/user', { token: u.token, body: { password: u.password, new_password: 'another secret' } });
    expect(changed.status).toBe(200);
    // Changing the password ends every other session (the token that made the change stays); the new
    // password signs in, the old does not.
    expect((await api('GET', '/api/v1/user', { token: other.body.token })).status).toBe(401);
    expect((await api('GET', '/api/v1/user', { token: u.token })).status).toBe(200);
    expect((await api('POST', '/api/v1/auth/session', { body: { username: u.username, password: u.password } })).status).toBe(401);
    expect((await api('POST', '/api/v1/auth/session', { body: { username: u.username, password: 'another secret' } })).status).toBe(201);
  });

  it('deletes the account and its data with the password', async () => {
    const u = await signUp('leaver');
    await api('POST', '/api/v1/user/api-keys', { token: u.token, body: { name: 'k' } });
    expect((await api('DELETE', '/api/v1/user', { token: u.token, body: { password: 'wrong-password' } })).status).toBe(403);
    expect((await api('DELETE', '/api/v1/user', { token: u.token, body: { password: u.password } })).status).toBe(204);
    expect(await db.user.findUnique({ where: { id: u.id } })).toBeNull();
    expect(await db.apiKey.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.apiSession.count({ where: { userId: u.id } })).toBe(0);
    expect((await api('GET', '/api/v1/user', { token: u.token })).status).toBe(401);
  });

  it('lets an admin change roles and disable accounts, never losing the last admin', async () => {
    const admins = await db.user.findMany({ where: { role: 'admin' } });
    expect(admins).toHaveLength(1);
    const adminSession = await api('POST', '/api/v1/auth/session', { body: { username: admins[0].username, password } });
    const token = adminSession.body.token;
    const u = await signUp('managed');

    const list = await api('GET', '/api/v1/admin/users', { token });
    expect(list.body.map((x: { username: string }) => x.username)).toContain(u.username);
    expect((await api('GET', '/api/v1/admin/users', { token: u.token })).status).toBe(403);

    const demoteSelf = await api('PATCH', `/api/v1/admin/users/${admins[0].id}`, { token, body: { role: 'user' } });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.code).toBe('last_admin');

    const disabled = await api('PATCH', `/api/v1/admin/users/${u.id}`, { token, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await api('GET', '/api/v1/user', { token: u.token })).status).toBe(401);
    const login = await api('POST', '/api/v1/auth/session', { body: { username: u.username, password: u.password } });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('account_disabled');

    const promoted = await api('PATCH', `/api/v1/admin/users/${u.id}`, { token, body: { role: 'admin', disabled: false } });
    expect(promoted.body.role).toBe('admin');
  });
});
