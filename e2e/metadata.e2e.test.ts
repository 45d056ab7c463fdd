// Online metadata in Chromium against the built app and worker, with a fake TMDB on 127.0.0.1:
// the sample movie is matched and shows its cast; an admin fixes its match in the Identify dialog;
// Discover finds a show in no library and follows it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TMDB_API_KEY, FAKE_TMDB_IDS, startFakeTmdb } from '../test/fakes/tmdb-server';
import { launchBrowser, signIn } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let fake: Awaited<ReturnType<typeof startFakeTmdb>>;
let auth: Record<string, string>;
let movieId: string;

const json = { 'content-type': 'application/json' };
const call = async (path: string, init: RequestInit = {}) => (await fetch(`${app.url}${path}`, { ...init, headers: { ...json, ...auth, ...init.headers } })).json();

beforeAll(async () => {
  fake = await startFakeTmdb();
  [app, browser] = await Promise.all([startApp({ TMDB_API_KEY: FAKE_TMDB_API_KEY, TMDB_BASE_URL: fake.url, TMDB_IMAGE_BASE_URL: fake.imageBaseUrl }), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/TV')), { what: 'the sample library', timeoutMs: 60_000 });
  expect((await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'curator', password: 'metadata-password' }) })).status).toBe(201);
  const { token } = await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'curator', password: 'metadata-password' }) })).json();
  auth = { authorization: `Bearer ${token}` };
  const movies = await call('/api/v1/library', { method: 'POST', body: JSON.stringify({ name: 'Movies', path: join(app.dataDir, 'sample-media/Movies'), type: 'movies' }) });
  await call('/api/v1/library', { method: 'POST', body: JSON.stringify({ name: 'TV', path: join(app.dataDir, 'sample-media/TV'), type: 'tv' }) });
  movieId = await waitFor(async () => (await call(`/api/v1/library/${movies.id}/media`)).items[0]?.id as string | undefined, { what: 'the scan', timeoutMs: 60_000 });
  await waitFor(async () => (await call(`/api/v1/media/${movieId}/match`)).status === 'matched', { what: 'the TMDB match', timeoutMs: 60_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await fake?.close();
});

const curator = () => signIn(browser, app.url, 'curator', 'metadata-password');

describe('online metadata in the browser', () => {
  it('shows the cast of a matched movie and fixes its match in the Identify dialog', async () => {
    const page = await curator();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/media/${movieId}`);
    await expect.poll(() => page.getByRole('list', { name: 'Cast' }).textContent()).toContain('Ivy Marsh');

    await page.getByRole('button', { name: 'Identify' }).click();
    const dialog = page.getByRole('dialog', { name: /Identify/ });
    await expect.poll(() => dialog.getByTestId('current-match').textContent()).toMatch(/Matched/);
    // The candidates came from a search with the year; the 1998 film is found by searching.
    await dialog.getByLabel('Movie title or TMDB id').fill('Big Test Pattern');
    await dialog.getByRole('button', { name: 'Search', exact: true }).click();
    await dialog.getByRole('button', { name: 'Use this: Big Test Pattern (1998)' }).click();
    await dialog.getByText('Matched — refreshing metadata').waitFor();
    const match = await call(`/api/v1/media/${movieId}/match`);
    expect(match).toMatchObject({ status: 'manual', ids: { tmdb: String(FAKE_TMDB_IDS.bigTestPattern1998) } });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('finds a show in no library on Discover and follows it', async () => {
    const page = await curator();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discover' }).click();
    const form = page.getByRole('search', { name: 'Search the catalog' });
    await form.getByLabel('Title').fill('test card');
    await form.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('list', { name: 'Results' }).getByRole('listitem').filter({ hasText: 'Test Card' }).filter({ hasText: '2010' });
    await row.getByRole('button', { name: /Follow/ }).click();
    await row.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(/\/show\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Test Card');
    const shows = await call('/api/v1/tracking/shows');
    expect(shows.map((s: { title: string }) => s.title)).toContain('Test Card');
  });
});
