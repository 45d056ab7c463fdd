// TVDB proxy keys in Chromium against the built app and worker: an admin creates a user-supported
// key (key and PIN shown once) and a client logs in with it at /tvdb/v4/login; the admin rotates
// it (the old key stops working), sees the usage, deactivates it, and deletes it.
import type { Browser, Page } from 'playwright-core';
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

async function setupAdmin(page: Page) {
  await page.goto(`${app.url}/setup`);
  await page.getByLabel('Username').fill('keeper');
  await page.getByLabel('Display name').fill('Key Keeper');
  await page.getByLabel('Password', { exact: true }).fill('proxy-keys-password');
  await page.getByLabel('Confirm password').fill('proxy-keys-password');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.getByRole('heading', { name: 'Welcome, Key Keeper' }).waitFor();
}

const login = (apikey: string, pin?: string) =>
  fetch(`${app.url}/tvdb/v4/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apikey, pin }) });

/** The key and PIN in the one-time panel (after a create or a rotation). */
async function shownSecret(page: Page) {
  const panel = page.getByTestId('proxy-key-secret');
  await panel.waitFor();
  return { key: (await panel.getByTestId('new-proxy-key').textContent())!.trim(), pin: (await panel.getByTestId('new-proxy-pin').textContent())!.trim() };
}

describe('TVDB proxy keys in the browser', () => {
  it('creates a key and PIN shown once, logs a client in with them, rotates, shows usage, deactivates and deletes', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await setupAdmin(page);

    // Admin → TVDB API keys, through the admin area's navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'TVDB API keys' }).click();
    await page.getByRole('heading', { name: 'TVDB API keys', level: 1 }).waitFor();
    const keys = page.getByRole('region', { name: 'Keys' });
    await keys.getByText('No keys yet.').waitFor();

    // Create a user-supported key: key and PIN are shown once, with the base URL to configure.
    const create = page.getByRole('region', { name: 'New key' });
    await create.getByLabel('Name').fill('E2E client');
    await create.getByLabel('Description').fill('The end-to-end test');
    await create.getByLabel('Kind').selectOption('user_supported');
    await create.getByLabel('Rate limit').fill('120');
    await create.getByRole('button', { name: 'Create key' }).click();
    const first = await shownSecret(page);
    expect(first.key.length).toBeGreaterThanOrEqual(20);
    expect(first.pin).toMatch(/^\d{8}$/);
    await expect(page.getByTestId('proxy-base-url').textContent()).resolves.toBe(`${app.url}/tvdb/v4`);
    await expect(page.getByTestId('proxy-key-secret').textContent()).resolves.toContain('won’t be shown again');
    const row = keys.getByRole('row', { name: /E2E client/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/User-supported.*120\/min.*Active/);

    // A client logs in with key and PIN (the key alone is not enough) and gets a token. Nothing is
    // cached and TheTVDB is not configured, so a record read answers 503 in TheTVDB's shape.
    expect((await login(first.key)).status).toBe(401);
    const ok = await login(first.key, first.pin);
    expect(ok.status).toBe(200);
    const token = ((await ok.json()) as { status: string; data: { token: string } }).data.token;
    expect(token).toBeTruthy();
    const series = await fetch(`${app.url}/tvdb/v4/series/1`, { headers: { authorization: `Bearer ${token}` } });
    expect(series.status).toBe(503);
    expect(await series.json()).toMatchObject({ status: 'failure' });

    // Shown once: after a reload the page holds only the preview.
    await page.reload();
    await keys.getByRole('row', { name: /E2E client/ }).waitFor();
    expect(await page.content()).not.toContain(first.key);
    expect(await page.getByTestId('proxy-key-secret').count()).toBe(0);

    // Search narrows the table.
    await keys.getByLabel('Search keys').fill('no such key');
    await keys.getByText('No keys match this search.').waitFor();
    await keys.getByLabel('Search keys').fill('end-to-end');
    await keys.getByRole('row', { name: /E2E client/ }).waitFor();

    // Rotate (confirmed in a dialog): a new key and PIN; the old key no longer logs in.
    await keys.getByRole('button', { name: 'Rotate E2E client' }).click();
    await page.getByRole('dialog', { name: 'Rotate “E2E client”?' }).getByRole('button', { name: 'Rotate key' }).click();
    await page.getByRole('heading', { name: 'Key “E2E client” rotated' }).waitFor();
    const second = await shownSecret(page);
    expect(second.key).not.toBe(first.key);
    expect((await login(first.key, first.pin)).status).toBe(401);
    expect((await login(second.key, second.pin)).status).toBe(200);
    await page.getByTestId('proxy-key-secret').getByRole('button', { name: 'Done' }).click();

    // Usage: the three accepted requests (two logins and the read) are counted within seconds.
    const usage = page.getByRole('region', { name: 'Usage' });
    await expect
      .poll(
        async () => {
          await usage.getByRole('button', { name: 'Refresh usage' }).click();
          return Number((await usage.getByTestId('usage-total').textContent())?.replace(/\D/g, ''));
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThanOrEqual(3);
    await expect(usage.getByRole('row', { name: /E2E client/ }).textContent()).resolves.toMatch(/E2E client\s*3\s*3/);
    await expect(usage.getByRole('list', { name: /Requests per day/ }).getByRole('listitem').count()).resolves.toBe(30);

    // Edit (in a dialog): deactivated, the key stops logging in.
    await keys.getByRole('button', { name: 'Edit E2E client' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “E2E client”' });
    await edit.getByRole('switch', { name: /Active/ }).uncheck();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => keys.getByRole('row', { name: /E2E client/ }).textContent()).toContain('Inactive');
    expect((await login(second.key, second.pin)).status).toBe(401);

    // Delete (confirmed): it leaves the table.
    await keys.getByRole('button', { name: 'Delete E2E client' }).click();
    await page.getByRole('dialog', { name: 'Delete “E2E client”?' }).getByRole('button', { name: 'Delete key' }).click();
    await keys.getByText('No keys match this search.').waitFor();
    await keys.getByLabel('Search keys').fill('');
    await keys.getByText('No keys yet.').waitFor();
    expect(await keys.getByRole('row', { name: /E2E client/ }).count()).toBe(0);

    expect(errors).toEqual([]);
  });
});
