// Browsing in Chromium against the built app and worker, on the sample libraries (one with a very
// long name): the all-shows and all-movies grids (filters, search as you type, placeholders that turn
// into posters without a reload), episode pages, the 404 page, the header and the phone menu, and
// at 390 × 844 and 1440 × 900, light and dark, that nothing is wider than the window — with
// screenshots written to e2e/screenshots/ (git-ignored) to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordCspViolations } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

const LONG_NAME = 'Television_Series_Archive_With_An_Extraordinarily_Long_Library_Name_That_Never_Breaks';
const SHOTS = join(import.meta.dirname, 'screenshots');

let app: RunningApp;
let browser: Browser;
let storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
let showId: string;
let tvLibraryId: string;
let movieId: string;
const episodes: Record<string, string> = {};

const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/TV')), { what: 'the sample library', timeoutMs: 60_000 });
  expect((await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'viewer', password: 'browsing-password' }) })).status).toBe(201);
  const { token } = await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'viewer', password: 'browsing-password' }) })).json();
  const auth = { authorization: `Bearer ${token}` };
  const get = async (path: string) => (await fetch(`${app.url}${path}`, { headers: auth })).json();
  const add = async (name: string, folder: string, type: string) =>
    (await (await fetch(`${app.url}/api/v1/library`, { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ name, path: join(app.dataDir, 'sample-media', folder), type }) })).json()).id as string;
  tvLibraryId = await add(LONG_NAME, 'TV', 'tv');
  await add('Movies', 'Movies', 'movies');
  // Both scanned, and their artwork (a grabbed frame) made.
  showId = await waitFor(async () => (await get('/api/v1/media?kind=show')).items.find((i: { poster_url: string | null }) => i.poster_url)?.id as string | undefined, {
    what: 'the show and its poster',
    timeoutMs: 90_000,
  });
  movieId = await waitFor(async () => (await get('/api/v1/media?kind=movie')).items.find((i: { poster_url: string | null }) => i.poster_url)?.id as string | undefined, {
    what: 'the movie and its poster',
    timeoutMs: 90_000,
  });
  for (const season of await get(`/api/v1/tv/${showId}/season`)) {
    for (const e of (await get(`/api/v1/season/${season.id}`)).episodes) episodes[`${e.season_number}x${e.number}`] = e.id;
  }

  const page = await browser.newPage();
  await page.goto(`${app.url}/login`);
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill('browsing-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  storageState = await page.context().storageState();
  await page.context().close();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A signed-in page at this size and colour scheme that records console errors and failed requests. */
async function openPage(width = 1440, height = 900, colorScheme: 'light' | 'dark' = 'dark') {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, storageState });
  const page = await context.newPage();
  const problems: string[] = [];
  // A Content-Security-Policy violation is a console error, so it lands in `problems` too.
  const csp = await recordCspViolations(page);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  return { page, problems, csp, close: () => context.close() };
}

const overflow = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe('browsing', () => {
  it('lists every show and movie, filters and searches as you type, and keeps the filters in the address', async () => {
    const { page, problems, csp, close } = await openPage();
    await page.goto(`${app.url}/shows`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Shows');
    // Nothing followed: no "Your shows" row, and the page says how to follow.
    await expect(page.getByRole('region', { name: 'Your shows' }).count()).resolves.toBe(0);
    const grid = page.getByRole('list', { name: 'All shows' });
    await expect(grid.getByRole('link').allTextContents()).resolves.toEqual(['Test Card Show']);

    const search = page.getByLabel('Search shows');
    await search.fill('zzz');
    await page.getByText('No show matches “zzz”.').waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=zzz');
    await search.fill('test card');
    await expect.poll(() => grid.getByRole('link').allTextContents()).toEqual(['Test Card Show']);

    await search.fill('');
    await page.getByLabel('Watched').selectOption('watched');
    await page.getByText('No show matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => grid.getByRole('link').allTextContents()).toEqual(['Test Card Show']);
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Movies' }).click();
    await page.waitForURL(/\/movies$/);
    const movies = page.getByRole('list', { name: 'All movies' });
    await expect(movies.getByRole('link').allTextContents()).resolves.toEqual(['Big Test Pattern']);
    await page.getByLabel('Year').selectOption('2024');
    await page.getByLabel('Sort by').selectOption('added');
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=added&year=2024');
    await page.reload();
    await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2024');
    await expect(movies.getByRole('link').allTextContents()).resolves.toEqual(['Big Test Pattern']);
    expect(problems).toEqual([]);
    // Under the nonce-based Content-Security-Policy, with posters and scripts all allowed.
    expect(csp).toEqual([]);
    await close();
  });

  it('replaces a placeholder poster with the artwork once it exists, without a reload', async () => {
    const { page, close } = await openPage();
    await page.goto(`${app.url}/movies`);
    // The grid's next answer says the artwork is not there yet (as just after a scan); the ones after are real.
    let held = 0;
    await page.route((u) => u.pathname === '/api/v1/media', async (route) => {
      if (held++ > 0) return route.continue();
      const res = await route.fetch();
      const body = await res.json();
      await route.fulfill({ response: res, json: { ...body, items: body.items.map((i: object) => ({ ...i, poster_url: null })) } });
    });
    await page.getByLabel('Search movies').fill('big');
    const grid = page.getByRole('list', { name: 'All movies' });
    await expect.poll(() => grid.locator('img').count()).toBe(0);
    await expect.poll(() => grid.locator('img').count(), { timeout: 15_000 }).toBe(1);
    expect(held).toBeGreaterThanOrEqual(2);
    await close();
  });

  it('opens an episode page from the show, marks it watched, and steps to the next and previous episodes', async () => {
    const { page, problems, close } = await openPage();
    await page.goto(`${app.url}/show/${showId}`);
    await page.getByRole('tabpanel').getByRole('link', { name: 'Episode 2', exact: true }).click();
    await page.waitForURL(new RegExp(`/episode/${episodes['1x2']}$`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Episode 2');
    await expect(page.getByTestId('episode-crumbs').textContent()).resolves.toMatch(/Test Card Show.*Season 1/);
    await expect(page.getByRole('link', { name: 'Play' }).getAttribute('href')).resolves.toBe(`/watch/${episodes['1x2']}`);
    await expect(page.getByRole('heading', { name: 'Versions' }).isVisible()).resolves.toBe(true);

    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/episode/${episodes['1x2']}/watched`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Mark watched' }).click();
    await expect.poll(() => page.getByRole('button', { name: '✓ Watched' }).getAttribute('aria-pressed')).toBe('true');
    expect((await saved).status()).toBe(200);
    // It was saved: the page loaded again says so.
    await page.reload();
    await expect(page.getByRole('button', { name: '✓ Watched' }).getAttribute('aria-pressed')).resolves.toBe('true');

    const steps = page.getByRole('navigation', { name: 'Episodes' });
    await expect(steps.getByRole('link').allTextContents()).resolves.toEqual(['← PreviousS01E01 · Episode 1', 'Next →S02E01 · Episode 1']);
    await steps.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL(new RegExp(`/episode/${episodes['2x1']}$`));
    await expect(page.getByTestId('episode-crumbs').textContent()).resolves.toContain('Season 2');
    await page.getByRole('navigation', { name: 'Episodes' }).getByRole('link', { name: /Previous/ }).click();
    await page.waitForURL(new RegExp(`/episode/${episodes['1x2']}$`));

    // The old address of an episode leads to its page.
    await page.goto(`${app.url}/media/${episodes['1x1']}`);
    await page.waitForURL(new RegExp(`/episode/${episodes['1x1']}$`));
    expect(problems).toEqual([]);
    await close();
  });

  it('answers an unknown address or id with the styled 404 page, inside the app', async () => {
    const { page, close } = await openPage();
    for (const path of ['/no/such/page', '/episode/no-such-episode', '/show/no-such-show']) {
      const res = await page.goto(`${app.url}${path}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nothing playing here');
      await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    }
    await page.getByRole('navigation', { name: 'Ways back' }).getByRole('link', { name: 'Shows' }).click();
    await page.waitForURL(/\/shows$/);
    await close();
  });
});

describe('what is not set up', () => {
  it('says so on Discover, in Identify and on the calendar before the user runs into it', async () => {
    const { page, problems, close } = await openPage();
    await page.goto(`${app.url}/calendar`);
    await expect(page.getByTestId('calendar-empty').textContent()).resolves.toContain('You follow no shows yet');
    // This server has no TMDB_API_KEY or TVDB_API_KEY.
    await page.goto(`${app.url}/discover`);
    await expect(page.getByRole('status').filter({ hasText: 'No metadata provider is set up' }).textContent()).resolves.toMatch(/TMDB_API_KEY.*TVDB_API_KEY/);
    await page.goto(`${app.url}/show/${showId}`);
    await page.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Following' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Identify' }).click();
    await expect(page.getByRole('dialog').getByText('No metadata provider is set up, so Identify cannot reach an online catalog.').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    // Following a show with nothing airing: the calendar says that, not "follow shows".
    await page.goto(`${app.url}/calendar`);
    await expect(page.getByTestId('calendar-empty').textContent()).resolves.toContain('for the show you follow');
    // /shows now has the followed show above every show.
    await page.goto(`${app.url}/shows`);
    await expect(page.getByRole('region', { name: 'Your shows' }).textContent()).resolves.toContain('Test Card Show');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('layout', () => {
  it('keeps the header on one row at 1440 px, and folds the navigation into a menu on a phone', async () => {
    const wide = await openPage(1440, 900);
    await wide.page.goto(`${app.url}/`);
    const header = wide.page.locator('header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(wide.page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).resolves.toBe(8);
    // Settings, API docs and Sign out sit in the account menu.
    await wide.page.getByRole('button', { name: 'Account: viewer' }).click();
    await wide.page.getByRole('link', { name: 'Settings' }).waitFor();
    await expect(wide.page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await wide.page.keyboard.press('Escape');
    await expect.poll(() => wide.page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    // /docs has a way back.
    await wide.page.goto(`${app.url}/docs`);
    await wide.page.getByRole('link', { name: '← Back to Marquee' }).click();
    await wide.page.waitForURL(`${app.url}/`);
    await wide.close();

    const phone = await openPage(390, 844);
    await phone.page.goto(`${app.url}/`);
    expect((await phone.page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(phone.page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await phone.page.getByRole('button', { name: 'Menu' }).click();
    await phone.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shows' }).click();
    await phone.page.waitForURL(/\/shows$/);
    await expect.poll(() => phone.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(phone.problems).toEqual([]);
    await phone.close();
  });

  it('follows the system colour scheme, and the toggle picks light or dark for good', async () => {
    const { page, close } = await openPage(1440, 900, 'light');
    await page.goto(`${app.url}/`);
    // The page's background as sRGB (painted on a canvas): light when its channels average over half.
    const isLight = () =>
      page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
        return (r + g + b) / 3 > 128;
      });
    expect(await isLight()).toBe(true);
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await expect(toggle.getAttribute('aria-label')).resolves.toBe('Theme: system');
    await toggle.click(); // light
    await toggle.click(); // dark
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect.poll(isLight).toBe(false);
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.getByRole('button', { name: 'Theme: dark' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Theme: dark' }).click(); // back to the system's
    await expect(page.evaluate(() => document.documentElement.dataset.theme ?? null)).resolves.toBeNull();
    expect(await isLight()).toBe(true);
    await close();
  });

  it('fits the window at 390 × 844 and 1440 × 900 in light and dark (screenshots in e2e/screenshots)', async () => {
    const pages: [string, string][] = [
      ['home', '/'],
      ['show', `/show/${showId}`],
      ['episode', `/episode/${episodes['1x1']}`],
      ['libraries', '/libraries'],
      ['library', `/libraries/${tvLibraryId}`],
      ['shows', '/shows'],
      ['movies', '/movies'],
      ['not-found', '/no/such/page'],
      // The player (direct play of the H.264 movie) stays dark in either theme.
      ['player', `/watch/${movieId}`],
    ];
    const wide: string[] = [];
    const dark: string[] = [];
    for (const [width, height] of [
      [390, 844],
      [1440, 900],
    ]) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, close } = await openPage(width, height, scheme);
        for (const [name, path] of pages) {
          await page.goto(`${app.url}${path}`);
          await (name === 'player' ? page.locator('video[data-testid="player"]') : page.getByRole('heading', { level: 1 })).waitFor();
          await page.evaluate(() => document.fonts.ready);
          if (name === 'player') dark.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
          const { scrollWidth, innerWidth } = await overflow(page);
          if (scrollWidth > innerWidth) wide.push(`${name} at ${width} (${scheme}): ${scrollWidth} px`);
          await page.screenshot({ path: join(SHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });
        }
        await close();
      }
    }
    expect(wide).toEqual([]);
    // The player's page is dark in the light theme too: one background colour for all four.
    expect(new Set(dark).size).toBe(1);
  });
});
