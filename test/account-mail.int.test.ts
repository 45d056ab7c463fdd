// Email activation, password reset and email change through a real SMTP relay on 127.0.0.1
// (STARTTLS + AUTH, see test/fakes/smtp-server.ts), with the worker's mail job running; and the
// outbox an admin reads when no SMTP_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { createDbQueue } from '@/lib/jobs/db-queue';
import { createRegistry } from '@/lib/jobs/registry';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';
import { MAIL_MAX_ATTEMPTS } from '@/lib/mail/deliver-mail';
import { mailDrainJob, mailSendJob } from '@/lib/mail/mail-send-job';
import { mailModeNotice } from '@/lib/mail/outbox';
import { api, signUp } from './api';
import { linkIn, SMTP_PASSWORD, startFakeSmtp, type FakeSmtp } from './fakes/smtp-server';
import { waitFor } from './wait-for';

const PUBLIC_URL = 'http://marquee.test:8080';
const password = 'correct horse battery';
let admin: { token: string };
let ipCounter = 0;
/** Each test calls from its own address, so the per-address limits do not carry over. */
const fromNewIp = () => ({ 'x-marquee-client-ip': `10.0.0.${++ipCounter}` });

function useEnv(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
}

beforeAll(async () => {
  useEnv({ PUBLIC_URL, SMTP_URL: undefined, SMTP_CA_FILE: undefined, MAIL_FROM: 'Marquee <marquee@marquee.test>' });
  admin = await signUp('mailadmin');
  const settings = await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open', email_activation: 'required' } });
  expect(settings.body).toMatchObject({ registration: 'open', email_activation: 'required', demo: false });
});

const register = (username: string, email?: string) => api('POST', '/api/v1/user/register', { body: { username, password, email } });
const signIn = (username: string, pw = password) => api('POST', '/api/v1/auth/session', { body: { username, password: pw } });

describe('without SMTP_URL: the outbox', () => {
  it('keeps the activation mail for the admin to read, and the account stays inactive until its link is opened', async () => {
    expect(mailModeNotice()).toMatch(/SMTP_URL is not set.*Outbox/);

    const noEmail = await register('kim');
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.fields).toEqual([{ path: 'body.email', message: expect.stringMatching(/email/) }]);

    const reg = await register('kim', 'Kim@Example.org');
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ username: 'kim', email: 'kim@example.org', active: false });

    const early = await signIn('kim');
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('account_inactive');
    expect(early.body.error.message).toMatch(/activation mail/);

    const outbox = await api('GET', '/api/v1/admin/outbox', { token: admin.token });
    expect(outbox.status).toBe(200);
    expect(outbox.body.smtp).toBeNull();
    const mail = outbox.body.mails.find((m: { to: string }) => m.to === 'kim@example.org');
    expect(mail).toMatchObject({ kind: 'activation', status: 'kept', subject: 'Activate your Marquee account', error: null });
    const link = /http:\/\/marquee\.test:8080\/activate\?token=(\S+)/.exec(mail.text);
    expect(link).not.toBeNull();

    // Accounts an admin adds are active at once; the outbox is for admins only.
    expect((await api('POST', '/api/v1/admin/users', { token: admin.token, body: { username: 'plain', password, role: 'user' } })).status).toBe(201);
    const plain = await signIn('plain');
    expect((await api('GET', '/api/v1/admin/outbox', { token: plain.body.token })).status).toBe(403);

    const activated = await api('POST', '/api/v1/user/activate', { body: { token: decodeURIComponent(link![1]) } });
    expect(activated.status).toBe(200);
    expect(activated.body).toEqual({ username: 'kim' });
    expect((await signIn('kim')).status).toBe(201);
    const again = await api('POST', '/api/v1/user/activate', { body: { token: decodeURIComponent(link![1]) } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
  });
});

describe('with SMTP_URL: a real relay', () => {
  let smtp: FakeSmtp;
  let runner: JobRunner;

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    useEnv({ SMTP_URL: smtp.url(), SMTP_CA_FILE: smtp.caFile });
    // The worker's mail jobs, with a short retry backoff so the failure test does not wait minutes.
    runner = startJobRunner({
      queue: createDbQueue({ backoff: { baseMs: 20, maxMs: 100 } }),
      registry: createRegistry([mailSendJob, mailDrainJob]),
      workerId: 'mail-test',
      pollMs: 100,
      concurrency: 1,
      log: { info() {}, warn() {}, error() {} },
    });
  });

  afterAll(async () => {
    await runner?.stop();
    await smtp?.close();
  });

  it('mails the activation link over STARTTLS with AUTH; the link works once; resend answers the same for any email', async () => {
    expect(mailModeNotice()).toMatch(/sent through smtp:\/\/127\.0\.0\.1:\d+/);
    expect(mailModeNotice()).not.toContain(SMTP_PASSWORD);
    await register('lou', 'lou@example.org');
    const mail = await smtp.nextMailTo('lou@example.org');
    expect(mail.secure).toBe(true);
    expect(mail.user).toBe('marquee');
    expect(mail.parsed.from?.text).toContain('marquee@marquee.test');
    expect(mail.parsed.subject).toBe('Activate your Marquee account');
    expect(mail.parsed.text).toContain(`Marquee server at ${PUBLIC_URL}`);
    expect(mail.parsed.html).toContain(`href="${PUBLIC_URL}/activate?token=`);
    expect(mail.parsed.text).not.toContain(password);
    const link = linkIn(mail, `${PUBLIC_URL}/activate?token=`);
    const token = link.searchParams.get('token')!;
    // Only the hash is stored.
    expect(await db.mailToken.count({ where: { tokenHash: token } })).toBe(0);

    // The sent mail is recorded, without the token.
    const sent = await waitFor(async () => (await db.outboxMail.findFirst({ where: { to: 'lou@example.org', status: 'sent' } })) ?? null);
    expect(sent.text).not.toContain(token);
    expect(sent.sentAt).not.toBeNull();

    // Resend: one answer whether or not the email has an inactive account; a new link replaces the old one.
    const headers = fromNewIp();
    const known = await api('POST', '/api/v1/user/activate/resend', { body: { email: 'lou@example.org' }, headers });
    const unknown = await api('POST', '/api/v1/user/activate/resend', { body: { email: 'nobody@example.org' }, headers });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const second = await smtp.nextMailTo('lou@example.org');
    const newToken = linkIn(second, `${PUBLIC_URL}/activate?token=`).searchParams.get('token')!;
    expect(newToken).not.toBe(token);
    expect((await api('POST', '/api/v1/user/activate', { body: { token } })).body.error.code).toBe('invalid_token');
    expect((await api('POST', '/api/v1/user/activate', { body: { token: newToken } })).status).toBe(200);
    expect((await signIn('lou')).status).toBe(201);
    expect(smtp.received.some((m) => m.to.includes('nobody@example.org'))).toBe(false);

    // Three re-sends an hour per email: the fourth is refused with Retry-After, for an unknown email too.
    for (let i = 0; i < 2; i++) await api('POST', '/api/v1/user/activate/resend', { body: { email: 'nobody@example.org' }, headers: fromNewIp() });
    const limited = await api('POST', '/api/v1/user/activate/resend', { body: { email: 'nobody@example.org' }, headers: fromNewIp() });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses an expired activation link', async () => {
    await register('max', 'max@example.org');
    const token = linkIn(await smtp.nextMailTo('max@example.org'), `${PUBLIC_URL}/activate?token=`).searchParams.get('token')!;
    await db.mailToken.updateMany({ where: { user: { username: 'max' } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await api('POST', '/api/v1/user/activate', { body: { token } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    expect((await signIn('max')).body.error.code).toBe('account_inactive');
  });

  it('resets a password by mail: same answer for any email, the link works once, every session ends', async () => {
    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { email_activation: 'off' } });
    const reg = await register('ned', 'ned@example.org');
    expect(reg.body.active).toBe(true);
    const before = await signIn('ned');
    expect(before.status).toBe(201);

    const headers = fromNewIp();
    const known = await api('POST', '/api/v1/user/password-reset', { body: { email: 'ned@example.org' }, headers });
    const unknown = await api('POST', '/api/v1/user/password-reset', { body: { email: 'ghost@example.org' }, headers });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const mail = await smtp.nextMailTo('ned@example.org');
    expect(mail.parsed.subject).toBe('Reset your Marquee password');
    expect(mail.parsed.text).toContain(PUBLIC_URL);
    const token = linkIn(mail, `${PUBLIC_URL}/reset-password?token=`).searchParams.get('token')!;

    const weak = await api('POST', '/api/v1/user/password-reset/confirm', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('body.password');

    const done = await api('POST', '/api/v1/user/password-reset/confirm', { body: { token, password: 'a brand new secret' } });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ username: 'ned' });
    expect((await api('GET', '/api/v1/user', { token: before.body.token })).status).toBe(401);
    expect((await signIn('ned')).status).toBe(401);
    expect((await signIn('ned', 'a brand new secret')).status).toBe(201);
    const reused = await api('POST', '/api/v1/user/password-reset/confirm', { body: { token, password: 'yet another secret' } });
    expect(reused.body.error.code).toBe('invalid_token');
    expect(smtp.received.some((m) => m.to.includes('ghost@example.org'))).toBe(false);

    // Limited per email (3 an hour) and per address (10 in 15 minutes), known or not.
    for (let i = 0; i < 2; i++) await api('POST', '/api/v1/user/password-reset', { body: { email: 'ghost@example.org' }, headers: fromNewIp() });
    const perEmail = await api('POST', '/api/v1/user/password-reset', { body: { email: 'ghost@example.org' }, headers: fromNewIp() });
    expect(perEmail.status).toBe(429);
    const oneIp = fromNewIp();
    for (let i = 0; i < 10; i++) {
      expect((await api('POST', '/api/v1/user/password-reset', { body: { email: `x${i}@example.org` }, headers: oneIp })).status).toBe(202);
    }
    const perIp = await api('POST', '/api/v1/user/password-reset', { body: { email: 'x10@example.org' }, headers: oneIp });
    expect(perIp.status).toBe(429);
    expect(perIp.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('changes the email only once the link sent to the new address is opened', async () => {
    const u = await signUp('moe');
    await api('POST', '/api/v1/user/email', { token: u.token, body: { email: 'moe@example.org' } });
    await smtp.nextMailTo('moe@example.org');
    const res = await api('POST', '/api/v1/user/email', { token: u.token, body: { email: 'Moe.New@Example.org' } });
    expect(res.status).toBe(202);
    expect((await api('GET', '/api/v1/user', { token: u.token })).body.email).toBeNull();
    const mail = await smtp.nextMailTo('moe.new@example.org');
    expect(mail.parsed.subject).toBe('Confirm your new email address for Marquee');
    const token = linkIn(mail, `${PUBLIC_URL}/confirm-email?token=`).searchParams.get('token')!;
    const confirmed = await api('POST', '/api/v1/user/email/confirm', { body: { token } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.email).toBe('moe.new@example.org');
    expect((await api('GET', '/api/v1/user', { token: u.token })).body.email).toBe('moe.new@example.org');
    // The earlier, unopened link was replaced by the newer one.
    const taken = await api('POST', '/api/v1/user/email', { token: u.token, body: { email: 'ned@example.org' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
  });

  it('records a mail the relay refuses as failed, with its error, after the last retry', async () => {
    useEnv({ SMTP_URL: smtp.url('wrong password') });
    try {
      await api('POST', '/api/v1/user/password-reset', { body: { email: 'ned@example.org' }, headers: fromNewIp() });
      const failed = await waitFor(async () => (await db.outboxMail.findFirst({ where: { to: 'ned@example.org', status: 'failed' } })) ?? null, {
        timeoutMs: 30_000,
        what: 'the mail to be marked failed',
      });
      expect(failed.attempts).toBe(MAIL_MAX_ATTEMPTS);
      expect(failed.error).toMatch(/535|Invalid username or password/);
      const outbox = await api('GET', '/api/v1/admin/outbox?status=failed', { token: admin.token });
      expect(outbox.body.mails.map((m: { id: string }) => m.id)).toEqual([failed.id]);
      expect(outbox.body.mails[0].error).toBe(failed.error);
    } finally {
      useEnv({ SMTP_URL: smtp.url() });
    }
  });
});
