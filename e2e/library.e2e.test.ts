// In Chromium against the built app and worker: an admin adds the sample library, watches the
// scan finish, opens the show and sees its episodes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

async function setupAdmin(page: Page) {
  await page.goto(`${app.url}/setup`);
  await page.getByLabel('Username').fill('root');
  await page.getByLabel('Display name').fill('Root');
  await page.getByLabel('Password', { exact: true }).fill('library-password');
  await page.getByLabel('Confirm password').fill('library-password');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

/** Opens Libraries and waits for its scripts: text typed into a server-rendered field before React
 * has hydrated it is reset by hydration, and its live check never runs. */
async function openLibraries(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Libraries' }).click();
  await page.waitForURL(/\/libraries$/);
  await page.waitForLoadState('networkidle');
}

async function addLibrary(page: Page, name: string, folder: string, type: 'movies' | 'tv') {
  await openLibraries(page);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Folder').fill(folder);
  await page.getByLabel('Type').selectOption(type);
  await page.getByText('Folder OK').waitFor();
  await page.getByRole('button', { name: 'Add library' }).click();
  await page.waitForURL(/\/libraries\/[^/]+$/);
  await expect.poll(() => page.getByTestId('scan-status').textContent(), { timeout: 30_000 }).toBe('Up to date');
  expect(await page.getByRole('progressbar', { name: 'Scan progress' }).getAttribute('aria-valuenow')).toBe('100');
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/TV')), { what: 'the sample library', timeoutMs: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('libraries in the browser', () => {
  it('adds the sample library, shows scan progress, and browses show → seasons → episodes', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await setupAdmin(page);

    // A bad folder is refused as you type.
    await openLibraries(page);
    await page.getByLabel('Folder').fill('relative/folder');
    await page.getByText(/must be absolute/).waitFor();

    await addLibrary(page, 'Sample TV', join(app.dataDir, 'sample-media/TV'), 'tv');
    await page.getByRole('link', { name: 'Test Card Show' }).click();
    await page.waitForURL(/\/show\//);
    const seasons = page.getByRole('tablist', { name: 'Seasons' });
    await expect(seasons.getByRole('tab').count()).resolves.toBe(2);
    const episodes = page.getByRole('tabpanel').getByRole('heading', { level: 3 });
    await expect(episodes.allTextContents()).resolves.toEqual(['Episode 1', 'Episode 2']);
    await expect(page.getByRole('tabpanel').textContent()).resolves.toContain('HEVC');
    await seasons.getByRole('tab', { name: /Season 2/ }).click();
    await expect.poll(() => page.getByRole('tabpanel').getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Episode 1', 'Episode 2']);

    await addLibrary(page, 'Sample Movies', join(app.dataDir, 'sample-media/Movies'), 'movies');
    await page.getByRole('link', { name: 'Big Test Pattern' }).click();
    await page.getByRole('heading', { name: 'Versions' }).waitFor();
    await expect(page.getByRole('table').first().textContent()).resolves.toMatch(/H\.?264/i);

    expect(errors).toEqual([]);
  });
});
