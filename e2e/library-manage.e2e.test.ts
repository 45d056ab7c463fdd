// In Chromium against the built app and worker, first run: the admin accepts the sample libraries,
// sees both, is told clearly why a folder inside another library is refused, renames one library
// and deletes the other after a confirmation that says the files stay on disk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

/** Screenshots at desktop and phone sizes, to look at (e2e/screenshots/ is git-ignored). */
async function shots(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/TV')), { what: 'the sample library', timeoutMs: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('managing libraries in the browser', () => {
  it('adds the sample libraries in one click, edits one and deletes the other', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${app.url}/setup`);
    await page.getByLabel('Username').fill('root');
    await page.getByLabel('Display name').fill('Root');
    await page.getByLabel('Password', { exact: true }).fill('manage-password');
    await page.getByLabel('Confirm password').fill('manage-password');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();

    // First run: the home page offers the sample libraries.
    await page.getByRole('button', { name: 'Add the sample libraries' }).waitFor();
    await shots(page, 'home-sample-offer');
    await page.getByRole('button', { name: 'Add the sample libraries' }).click();
    const yourLibraries = page.getByRole('region', { name: 'Your libraries' });
    await yourLibraries.getByRole('link', { name: 'Sample Movies' }).waitFor();
    await yourLibraries.getByRole('link', { name: 'Sample TV' }).waitFor();
    await expect(page.getByRole('button', { name: 'Add the sample libraries' }).count()).resolves.toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Libraries' }).click();
    const cards = page.getByRole('region', { name: 'Libraries' });
    await expect.poll(() => cards.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Sample Movies', 'Sample TV']);

    // The TV library scans into the show, the movies library into the movie.
    await cards.getByRole('link', { name: 'Sample TV' }).click();
    await page.getByRole('link', { name: 'Test Card Show' }).waitFor({ timeout: 30_000 });
    await page.goBack();
    await cards.getByRole('link', { name: 'Sample Movies' }).click();
    await page.getByRole('link', { name: 'Big Test Pattern' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('scan-status').textContent(), { timeout: 30_000 }).toBe('Up to date');

    // Edit: a folder inside the other library is refused with a clear message; the new name is saved.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit “Sample Movies”' });
    await dialog.getByRole('button', { name: '+ Add another folder' }).click();
    await dialog.getByRole('textbox', { name: 'Folder 2' }).fill(join(app.dataDir, 'sample-media/TV/Test Card Show'));
    await dialog.getByText('This folder is inside a folder of the library “Sample TV”').waitFor();
    await shots(page, 'library-edit');
    await dialog.getByRole('button', { name: 'Remove folder 2' }).click();
    await dialog.getByLabel('Name').fill('Test Pattern Films');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Test Pattern Films' }).waitFor();

    // Delete, after a confirmation that says what goes and that the files stay.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Libraries' }).click();
    await cards.getByRole('link', { name: 'Sample TV' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Sample TV”?' });
    await expect(confirm.textContent()).resolves.toContain('The files stay on disk');
    await shots(page, 'library-delete');
    await confirm.getByRole('button', { name: 'Delete library' }).click();
    await page.waitForURL(/\/libraries$/);
    await expect.poll(() => cards.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Test Pattern Films']);
    await shots(page, 'libraries');
    expect(existsSync(join(app.dataDir, 'sample-media/TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv'))).toBe(true);

    expect(errors).toEqual([]);
  });
});
