// In Chromium against the built app and worker: first-run setup → sign out → sign in →
// create an API key (shown once) → use it with the API; then the admin adds users (with a
// password, and with an invite link), form messages clear as fields are fixed, and they sign in.
// Sessions end for good: a copied cookie stops working after sign-out and "Sign out everywhere".
// Security headers on pages, API answers, 404s and /docs, whose Swagger UI runs under the CSP.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordCspViolations, signIn } from './browser';
import { freePort, startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

/** The page's NextAuth session cookie, as a Cookie header a copier would send. */
async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
  expect(cookie).toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}
const meWith = (cookie: string) => fetch(`${app.url}/api/v1/user`, { headers: { cookie } }).then((r) => r.status);

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ SAMPLE_LIBRARY: 'false' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('accounts in the browser', () => {
  it('first-run setup, sign out, sign in, create an API key and use it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // A fresh server sends its first visitor to /setup.
    await page.goto(app.url);
    await page.waitForURL(/\/setup$/);
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Display name').fill('Ada Admin');
    await page.getByLabel('Password', { exact: true }).fill('analytical engine');
    await page.getByLabel('Confirm password').fill('analytical engine');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).isVisible()).resolves.toBe(true);

    // Setup is first-run only.
    await page.goto(`${app.url}/setup`);
    await page.waitForURL(/\/(login)?$/);

    const copied = await sessionCookie(page);
    expect(await meWith(copied)).toBe(200);
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    // Signing out ended the session itself: a copy of the cookie no longer works.
    expect(await meWith(copied)).toBe(401);

    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error').textContent()).resolves.toContain('Wrong username or password.');

    await page.getByLabel('Password').fill('analytical engine');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();
    // Signing in made this browser a trusted device of the account (login throttling spares it).
    const device = (await page.context().cookies()).find((c) => c.name === 'marquee-device');
    expect(device?.value).toMatch(/^v1\./);
    expect(device?.httpOnly).toBe(true);

    await page.goto(`${app.url}/settings`);
    const keys = page.getByRole('region', { name: 'API keys' });
    await keys.getByLabel('Key name').fill('Living room TV');
    await keys.getByRole('button', { name: 'Create key' }).click();
    const shown = keys.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.textContent())!.trim();
    expect(key).toMatch(/^mq_k_[A-Za-z0-9_-]{20,}$/);
    await expect(keys.textContent()).resolves.toMatch(/shown again/);

    // The key works with the API, as a Bearer token, outside the browser.
    const me = await fetch(`${app.url}/api/v1/user`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'ada', role: 'admin', name: 'Ada Admin' });

    // Shown once: after a reload only the preview is on the page.
    await page.reload();
    const after = page.getByRole('region', { name: 'API keys' });
    await after.getByText('Living room TV').waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await after.getByTestId('new-api-key').count()).toBe(0);

    // Revoking it stops it working.
    await after.getByRole('button', { name: 'Revoke Living room TV' }).click();
    await after.getByText('No API keys yet.').waitFor();
    expect((await fetch(`${app.url}/api/v1/user`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);

    expect(errors).toEqual([]);
  });

  it('the admin adds users from the UI; they sign in, one after choosing a password from the invite link', async () => {
    const errors: string[] = [];
    const admin = await signIn(browser, app.url, 'ada', 'analytical engine');
    admin.on('pageerror', (e) => errors.push(e.message));
    await admin.goto(`${app.url}/admin/users`);

    // The only admin cannot disable or delete themselves.
    const adaRow = admin.getByTestId('user-row-ada');
    await expect(adaRow.getByRole('button', { name: 'Disable ada' }).isDisabled()).resolves.toBe(true);
    await expect(adaRow.getByRole('button', { name: 'Delete ada' }).isDisabled()).resolves.toBe(true);
    await expect(adaRow.getByLabel('Role for ada').isDisabled()).resolves.toBe(true);

    // Add a user with a password; each message sits at its field and goes when the field changes.
    await admin.getByRole('button', { name: 'Add user' }).click();
    let dialog = admin.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Username').fill('x');
    await dialog.getByLabel('Password (optional)').fill('hopper-password');
    await dialog.getByLabel('Confirm password').fill('hopper-passwrd');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const mismatch = dialog.getByText('The two passwords are not the same.');
    await mismatch.waitFor();
    await dialog.getByLabel('Confirm password').fill('hopper-password');
    await mismatch.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const tooShort = dialog.getByText('Use at least 3 characters.');
    await tooShort.waitFor();
    expect(await dialog.getByText(/Too small|expected string/).count()).toBe(0);
    await dialog.getByLabel('Username').fill('grace');
    await tooShort.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const added = admin.getByRole('dialog', { name: 'User added' });
    await added.getByText('grace can sign in now').waitFor();
    await added.getByRole('button', { name: 'Done' }).click();
    await admin.getByTestId('user-row-grace').waitFor();

    const grace = await signIn(browser, app.url, 'grace', 'hopper-password');
    const me = await grace.evaluate(() => fetch('/api/v1/user').then((r) => r.json()));
    expect(me).toMatchObject({ username: 'grace', role: 'user' });
    await grace.close();

    // Add a user without a password: the answer is an invite link.
    await admin.getByRole('button', { name: 'Add user' }).click();
    dialog = admin.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Username').fill('linus');
    await dialog.getByLabel('Role').selectOption('admin');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const link = (await admin.getByTestId('account-invite-link').textContent())!.trim();
    expect(link).toMatch(/\/register\?invite=mq_a_/);
    await admin.getByRole('dialog', { name: 'User added' }).getByRole('button', { name: 'Done' }).click();
    await admin.getByTestId('user-row-linus').getByText('Invited').waitFor();

    // The invite link opens as "choose your password", with the confirm check.
    const linus = await browser.newPage();
    linus.on('pageerror', (e) => errors.push(e.message));
    await linus.goto(link);
    await linus.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await expect(linus.getByLabel('Username').inputValue()).resolves.toBe('linus');
    await linus.getByLabel('Password', { exact: true }).fill('kernel-password');
    await linus.getByLabel('Confirm password').fill('kernel-passwort');
    await linus.getByRole('button', { name: 'Set password and sign in' }).click();
    const differs = linus.getByText('The two passwords are not the same.');
    await differs.waitFor();
    await linus.getByLabel('Confirm password').fill('kernel-password');
    await differs.waitFor({ state: 'detached' });
    await linus.getByRole('button', { name: 'Set password and sign in' }).click();
    await linus.waitForURL((u) => u.pathname === '/');
    expect(await linus.evaluate(() => fetch('/api/v1/user').then((r) => r.json()))).toMatchObject({ username: 'linus', role: 'admin' });
    await linus.close();

    // An invite code made while registration is closed still signs someone up.
    await admin.getByRole('button', { name: 'Create invite' }).click();
    const code = (await admin.getByTestId('new-invite-code').textContent())!.trim();
    const margaret = await browser.newPage();
    margaret.on('pageerror', (e) => errors.push(e.message));
    await margaret.goto(`${app.url}/register?invite=${encodeURIComponent(code)}`);
    await expect(margaret.getByLabel('Invite code').inputValue()).resolves.toBe(code);
    await margaret.getByLabel('Username').fill('margaret');
    await margaret.getByLabel('Password', { exact: true }).fill('apollo-guidance');
    await margaret.getByLabel('Confirm password').fill('apollo-guidance');
    await margaret.getByRole('button', { name: 'Create account' }).click();
    await margaret.waitForURL((u) => u.pathname === '/');
    await margaret.close();

    // Used once: the link now says so.
    const again = await browser.newPage();
    await again.goto(link);
    await again.getByText('unknown, used or expired').waitFor();

    // Registration is closed (the default): the sign-in page offers no sign-up link, and an
    // empty form says what is missing rather than that it is wrong.
    await again.goto(`${app.url}/login`);
    await again.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await again.getByRole('link', { name: 'Create one' }).count()).toBe(0);
    await again.getByRole('button', { name: 'Sign in' }).click();
    const noUsername = again.getByText('Enter your username.');
    await noUsername.waitFor();
    await again.getByText('Enter your password.').waitFor();
    expect(await again.getByText('Wrong username or password.').count()).toBe(0);
    await again.getByLabel('Username').fill('grace');
    await noUsername.waitFor({ state: 'detached' });
    await again.close();

    expect(errors).toEqual([]);
  });

  it('Sign out everywhere in Settings ends every session of the account, in every browser', async () => {
    const here = await signIn(browser, app.url, 'ada', 'analytical engine');
    const there = await signIn(browser, app.url, 'ada', 'analytical engine');
    const copied = await sessionCookie(here);
    const token = (await (await fetch(`${app.url}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ada', password: 'analytical engine' }),
    })).json()).token as string;
    const errors: string[] = [];
    here.on('pageerror', (e) => errors.push(e.message));

    await here.goto(`${app.url}/settings`);
    const sessions = here.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('button', { name: 'Sign out everywhere' }).click();
    await here.waitForURL(/\/login/);

    expect(await meWith(copied)).toBe(401);
    expect((await fetch(`${app.url}/api/v1/user`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // The other browser's pages see it too: its next page load goes to the sign-in page.
    await there.goto(`${app.url}/settings`);
    await there.waitForURL(/\/login/);
    // And signing in again works.
    await here.getByLabel('Username').fill('ada');
    await here.getByLabel('Password').fill('analytical engine');
    await here.getByRole('button', { name: 'Sign in' }).click();
    await here.waitForURL((u) => !u.pathname.startsWith('/login'));
    await here.close();
    await there.close();
    expect(errors).toEqual([]);
  });

  it('sends security headers on a page, an API answer, a 404 and /docs, whose Swagger UI runs under the CSP', async () => {
    for (const path of ['/login', '/api/health', '/api/v1/nothing-here', '/no-such-page', '/docs', '/docs/assets/swagger-ui-bundle.js']) {
      const res = await fetch(`${app.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      // PUBLIC_URL is http here: no HSTS.
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
    // A fresh nonce each time, and it is the one on the page's scripts.
    const [a, b] = await Promise.all([fetch(`${app.url}/login`), fetch(`${app.url}/login`)]);
    const nonce = /'nonce-([^']+)'/.exec(a.headers.get('content-security-policy')!)![1];
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    expect(await a.text()).toContain(`nonce="${nonce}"`);

    const page = await browser.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${app.url}/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 30_000 });
    await page.goto(`${app.url}/login`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
    expect(violations).toEqual([]);
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const port = await freePort();
    const root = join(import.meta.dirname, '..');
    // A second web process on the same data, told it is published over https.
    const web = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/web-server.ts')], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: app.dataDir, PUBLIC_URL: 'https://media.example.test', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    try {
      const res = await waitFor(() => fetch(`http://127.0.0.1:${port}/login`).catch(() => null), { what: 'the https-published web process', timeoutMs: 60_000, intervalMs: 250 });
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      web.kill('SIGTERM');
    }
  });
});
