// In Chromium against the built app and worker, with a real SMTP relay on 127.0.0.1 (STARTTLS +
// AUTH): sign up with email activation on → the mail arrives → its link activates → sign in;
// then "Forgot password?" → the mail → its link → a new password → sign in with it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, startFakeSmtp, type FakeSmtp } from '../test/fakes/smtp-server';
import { launchBrowser } from './browser';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let smtp: FakeSmtp;
let adminToken: string;

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: app.url, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

beforeAll(async () => {
  smtp = await startFakeSmtp();
  [app, browser] = await Promise.all([startApp({ SAMPLE_LIBRARY: 'false', SMTP_URL: smtp.url(), SMTP_CA_FILE: smtp.caFile }), launchBrowser()]);
  expect(app.output()).toMatch(/mail is sent through smtp:\/\/127\.0\.0\.1:\d+/);
  const admin = { username: 'root', password: 'admin password' };
  expect((await call('POST', '/api/v1/user/register', admin)).status).toBe(201);
  const session = await call('POST', '/api/v1/auth/session', admin);
  adminToken = session.body.token;
  const settings = await call('PATCH', '/api/v1/admin/settings', { registration: 'open', email_activation: 'required' }, session.body.token);
  expect(settings.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

describe('accounts by email in the browser', () => {
  it('signs up, activates from the mailed link, signs in; then resets a forgotten password by mail', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${app.url}/register`);
    await page.getByLabel('Username').fill('grace');
    await page.getByLabel('Email').fill('grace@example.org');
    await page.getByLabel('Password', { exact: true }).fill('first password');
    await page.getByLabel('Confirm password').fill('first password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'activation link' }).textContent()).resolves.toContain('grace@example.org');

    // Before the link is opened, signing in says what to do.
    await page.goto(`${app.url}/login`);
    await page.getByLabel('Username').fill('grace');
    await page.getByLabel('Password').fill('first password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error').textContent()).resolves.toContain('not activated yet');

    const activation = await smtp.nextMailTo('grace@example.org', 120_000);
    expect(activation.secure).toBe(true);
    await page.goto(linkIn(activation, `${app.url}/activate?token=`).toString());
    await page.getByText('Your account is active.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Username').fill('grace');
    await page.getByLabel('Password').fill('first password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/forgot-password/);
    await page.getByLabel('Email').fill('grace@example.org');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('a link to reset its password is on its way').waitFor();

    const reset = await smtp.nextMailTo('grace@example.org', 120_000);
    expect(reset.parsed.subject).toBe('Reset your Marquee password');
    await page.goto(linkIn(reset, `${app.url}/reset-password?token=`).toString());
    await page.getByLabel('New password', { exact: true }).fill('second password');
    await page.getByLabel('Confirm new password').fill('second password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password is changed').waitFor();

    await page.goto(`${app.url}/login`);
    await page.getByLabel('Username').fill('grace');
    await page.getByLabel('Password').fill('second password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect((await call('POST', '/api/v1/auth/session', { username: 'grace', password: 'first password' })).status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('offers "Try the demo" once an admin turns it on: the demo account browses, and its writes are refused', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Try the demo' }).count()).toBe(0);
    expect((await call('PATCH', '/api/v1/admin/settings', { demo: true }, adminToken)).status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const answers = await page.evaluate(async () => {
      const me = await fetch('/api/v1/user').then((r) => r.json());
      const write = await fetch('/api/v1/user/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Not allowed' }) });
      return { username: me.username, status: write.status, code: (await write.json()).error.code };
    });
    expect(answers).toEqual({ username: 'demo', status: 403, code: 'demo_read_only' });
  });

  it('shows the API reference in ReDoc at /redoc from our own assets, linking to Swagger UI and back to the app', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(app.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    await page.goto(`${app.url}/redoc`);
    // An operation's summary from our contracts, rendered by ReDoc from /api/v1/openapi.json.
    await page.getByRole('heading', { name: /Sign in as the read-only demo account/ }).first().waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.getByRole('link', { name: 'Swagger UI' }).click();
    await page.waitForURL(/\/docs$/);
    await page.getByRole('link', { name: 'ReDoc' }).waitFor();
    await page.getByRole('link', { name: '← Back to Marquee' }).click();
    await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/login');
  });
});
