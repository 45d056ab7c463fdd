// Tracking in Chromium against the built app and worker: follow the sample show, mark a season
// watched, see the show's progress on the home page, undo one episode, see it in Next up.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let showId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/TV')), { what: 'the sample library', timeoutMs: 60_000 });
  const json = { 'content-type': 'application/json' };
  expect((await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'tracker', password: 'tracking-password' }) })).status).toBe(201);
  const { token } = await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'tracker', password: 'tracking-password' }) })).json();
  const auth = { authorization: `Bearer ${token}` };
  const lib = await (await fetch(`${app.url}/api/v1/library`, { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ name: 'TV', path: join(app.dataDir, 'sample-media/TV'), type: 'tv' }) })).json();
  showId = await waitFor(async () => (await (await fetch(`${app.url}/api/v1/library/${lib.id}/media`, { headers: auth })).json()).items[0]?.id as string | undefined, { what: 'the scan', timeoutMs: 60_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('tracking in the browser', () => {
  it('marks a season watched, shows progress at home, and puts an undone episode in Next up', async () => {
    const page = await signIn(browser, app.url, 'tracker', 'tracking-password');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await expect(page.getByRole('region', { name: 'Your shows' }).textContent()).resolves.toContain('Follow a show');

    await page.goto(`${app.url}/show/${showId}`);
    await page.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Following' }).isVisible()).toBe(true);

    // Season 1: mark all watched — the checkmarks change at once.
    await page.getByRole('button', { name: 'Mark all watched' }).click();
    await expect.poll(() => page.getByTestId('season-watched').textContent()).toBe('2 of 2 watched');
    await expect.poll(() => page.getByRole('button', { name: 'Episode 1 watched' }).getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${app.url}/`);
    const shows = page.getByRole('region', { name: 'Your shows' });
    await expect(shows.getByRole('progressbar', { name: 'Test Card Show watched' }).getAttribute('aria-valuenow')).resolves.toBe('50');
    await expect(shows.textContent()).resolves.toContain('2 of 4 watched');
    await expect(page.getByRole('region', { name: 'Next up' }).textContent()).resolves.toContain('S02E01');

    // Undo episode 2 of season 1: it becomes next up.
    await page.goto(`${app.url}/show/${showId}`);
    await page.getByRole('button', { name: 'Episode 2 watched' }).click();
    await expect.poll(() => page.getByTestId('season-watched').textContent()).toBe('1 of 2 watched');
    await page.goto(`${app.url}/`);
    await expect(page.getByRole('region', { name: 'Next up' }).textContent()).resolves.toContain('S01E02');
    await expect(page.getByRole('region', { name: 'Your shows' }).getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('25');
    // History lists the viewings that are left (S01E01, S01E02 was undone); the calendar page answers.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    const viewings = page.getByRole('list', { name: 'Viewings' });
    await expect(viewings.textContent()).resolves.toContain('S01E01');
    await expect(viewings.getByRole('listitem').count()).resolves.toBe(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('rolls a checkmark back, and says why, when the server refuses it', async () => {
    const page = await signIn(browser, app.url, 'tracker', 'tracking-password');
    await page.goto(`${app.url}/show/${showId}`);
    const episode2 = page.getByRole('button', { name: 'Episode 2 watched' });
    await expect.poll(() => episode2.getAttribute('aria-pressed')).toBe('false');

    // The server answers only once the optimistic checkmark has been seen, and then refuses.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/api/v1/episode/*/watched', async (route) => {
      await released;
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'The database is read-only.' } }) });
    });
    await episode2.click();
    await expect.poll(() => episode2.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('season-watched').textContent()).toBe('2 of 2 watched');
    release();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not saved' }).textContent()).toContain('The database is read-only.');
    await expect.poll(() => episode2.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByTestId('season-watched').textContent()).toBe('1 of 2 watched');
  });
});
