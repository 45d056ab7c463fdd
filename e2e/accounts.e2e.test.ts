// In Chromium against the built app and worker: first-run setup → sign out → sign in →
// create an API key (shown once) → use it with the API.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

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

    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);

    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error').textContent()).resolves.toContain('Wrong username or password.');

    await page.getByLabel('Password').fill('analytical engine');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada Admin' }).waitFor();

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
});
