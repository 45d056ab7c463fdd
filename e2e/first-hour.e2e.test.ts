// The first hour on a fresh machine, in Chromium, with the 2018 ffmpeg and ffprobe bundled from npm
// (what `npm start` uses where no ffmpeg is installed): set up, accept the sample libraries, play
// the HEVC/AC-3 episode (transcoded) and seek, add a user, sign in as them, browse all shows, open
// an episode page, back everything up from Admin → Backup — with no console error and no failed
// request. Then screenshots of the main pages at a desktop and a phone size, light and dark, into
// e2e/screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordCspViolations } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

const require_ = (await import('node:module')).createRequire(import.meta.url);
const BUNDLED = { FFMPEG_PATH: require_('@ffmpeg-installer/ffmpeg').path as string, FFPROBE_PATH: require_('@ffprobe-installer/ffprobe').path as string };
const SHOTS = join(import.meta.dirname, 'screenshots');

let app: RunningApp;
let browser: Browser;
const problems: string[] = [];
const cspViolations: string[][] = [];

/** Every console error, failed request and error answer of a page lands in `problems`; CSP violations also in `cspViolations`. */
async function watch(page: Page) {
  cspViolations.push(await recordCspViolations(page));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the page itself dropped (navigating away, hls.js cancelling a segment) is not a failure.
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
}

const api = <T>(page: Page, path: string) => page.evaluate((p) => fetch(p).then((r) => r.json()), path) as Promise<T>;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(BUNDLED), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the first hour, with the ffmpeg bundled from npm', () => {
  let admin: Page;
  let episodeId: string;

  it('sets up, accepts the sample libraries, plays the HEVC episode and seeks', async () => {
    admin = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await watch(admin);
    await admin.goto(app.url);
    await admin.waitForURL(/\/setup$/);
    await admin.getByLabel('Username').fill('ada');
    await admin.getByLabel('Display name').fill('Ada');
    await admin.getByLabel('Password', { exact: true }).fill('analytical engine');
    await admin.getByLabel('Confirm password').fill('analytical engine');
    await admin.getByRole('button', { name: 'Create admin account' }).click();
    await admin.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();

    // The worker generates the sample media with the bundled ffmpeg; the offer appears when it is ready.
    await admin.getByRole('button', { name: 'Add the sample libraries' }).waitFor({ timeout: 90_000 });
    await admin.getByRole('button', { name: 'Add the sample libraries' }).click();
    const show = await waitFor(
      async () => (await api<{ id: string; kind: string; title: string }[]>(admin, '/api/v1/search?q=Test%20Card')).find((m) => m.kind === 'show'),
      { what: 'the sample show scanned', timeoutMs: 90_000, intervalMs: 500 },
    );
    const seasons = await api<{ id: string; number: number }[]>(admin, `/api/v1/tv/${show.id}/season`);
    const season = await api<{ episodes: { id: string; number: number }[] }>(admin, `/api/v1/season/${seasons.find((s) => s.number === 1)!.id}`);
    episodeId = season.episodes.find((e) => e.number === 1)!.id;

    // Play: the first `playing` within 5 s of opening the page.
    const opened = Date.now();
    await admin.goto(`${app.url}/watch/${episodeId}`);
    await admin.waitForFunction(() => {
      const v = document.querySelector('video');
      return !!v && v.dataset.mode === 'transcode' && !v.paused && v.currentTime > 0;
    }, undefined, { timeout: 20_000 });
    expect(Date.now() - opened).toBeLessThan(5_000);

    // Seek to 60 % on the seek bar: playing there again within 3 s.
    const seek = admin.getByRole('slider', { name: 'Seek' });
    const box = (await seek.boundingBox())!;
    const duration = await admin.evaluate(() => document.querySelector('video')!.duration);
    const seeked = Date.now();
    await admin.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    await admin.waitForFunction((to) => {
      const v = document.querySelector('video')!;
      return !v.paused && !v.seeking && v.currentTime > to;
    }, duration * 0.6 - 0.5, { timeout: 15_000 });
    expect(Date.now() - seeked).toBeLessThan(3_000);
  });

  it('adds a user, who signs in, browses all shows, opens an episode page and changes their password', async () => {
    await admin.goto(`${app.url}/admin/users`);
    await admin.getByRole('button', { name: 'Add user' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Username').fill('grace');
    await dialog.getByLabel('Password (optional)').fill('hopper-password');
    await dialog.getByLabel('Confirm password').fill('hopper-password');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await admin.getByRole('dialog', { name: 'User added' }).getByRole('button', { name: 'Done' }).click();

    const grace = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await watch(grace);
    await grace.goto(`${app.url}/login`);
    await grace.getByLabel('Username').fill('grace');
    await grace.getByLabel('Password').fill('hopper-password');
    await grace.getByRole('button', { name: 'Sign in' }).click();
    await grace.waitForURL((u) => !u.pathname.startsWith('/login'));
    await grace.goto(`${app.url}/shows`);
    await grace.getByRole('link', { name: /Test Card Show/ }).first().click();
    await grace.waitForURL(/\/show\//);
    await grace.getByRole('link', { name: /Pilot|Episode 1|S01E01/i }).first().click();
    await grace.waitForURL(/\/episode\//);
    await grace.getByRole('heading', { level: 1 }).waitFor();

    // Settings: a mismatch is said at its field and goes when the field is fixed; then it saves.
    await grace.goto(`${app.url}/settings`);
    await grace.getByLabel('Current password').first().fill('hopper-password');
    await grace.getByLabel('New password', { exact: true }).fill('a new hopper password');
    await grace.getByLabel('Confirm new password').fill('a new hopper passwrd');
    await grace.getByRole('button', { name: 'Change password' }).click();
    const mismatch = grace.getByText('The two passwords are not the same.');
    await mismatch.waitFor();
    await grace.getByLabel('Confirm new password').fill('a new hopper password');
    await mismatch.waitFor({ state: 'detached' });
    await grace.getByRole('button', { name: 'Change password' }).click();
    await grace.getByText(/^Password changed\./).waitFor();
    await grace.close();
    expect(problems).toEqual([]);
    // The pages ran under the nonce-based Content-Security-Policy (HLS playback's blob: worker and
    // media included) without one violation.
    expect(cspViolations.flat()).toEqual([]);
  });

  it('backs everything up from Admin → Backup: Export now, the file listed with its size and downloadable', async () => {
    await admin.goto(`${app.url}/admin/backup`);
    await admin.getByText('No exports yet.').waitFor();
    await admin.getByTestId('backup-schedule').getByText(/Scheduled: 0 6 \* \* 0/).waitFor();
    await admin.getByRole('button', { name: 'Export now' }).click();
    // The worker writes it; the page follows the run until it ends.
    const row = admin.getByTestId('backup-file');
    await row.waitFor({ timeout: 60_000 });
    await admin.getByTestId('backup-last').getByText(/rows/).waitFor();
    const link = row.getByRole('link');
    const name = (await link.textContent())!;
    expect(name).toMatch(/^marquee-export-\d{8}-\d{6}\.json$/);
    const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(name);
    const doc = await admin.evaluate((n) => fetch(`/api/v1/admin/backups/${n}`).then((r) => r.json()), name);
    expect(doc.format).toBe('marquee-export');
    expect(doc.tables.User.map((u: { username: string }) => u.username).sort()).toEqual(['ada', 'grace']);
    expect(JSON.stringify(doc)).not.toMatch(/hopper-password|analytical engine/);
    expect(problems).toEqual([]);
  });

  it('looks right at 1440 × 900 and 390 × 844, light and dark (screenshots in e2e/screenshots)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const state = await admin.context().storageState();
    const movie = (await api<{ id: string; title: string }[]>(admin, '/api/v1/search?q=Big%20Test')).find((m) => m.title === 'Big Test Pattern')!;
    const show = (await api<{ id: string; kind: string }[]>(admin, '/api/v1/search?q=Test%20Card')).find((m) => m.kind === 'show')!;
    const pages = { home: '/', show: `/show/${show.id}`, episode: `/episode/${episodeId}`, player: `/watch/${movie.id}`, libraries: '/libraries' };
    const overflowing: string[] = [];
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context: BrowserContext = await browser.newContext({ viewport: { width, height }, colorScheme, storageState: state });
        const page = await context.newPage();
        for (const [name, path] of Object.entries(pages)) {
          await page.goto(`${app.url}${path}`);
          await page.waitForLoadState('networkidle').catch(() => undefined);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (wide > 0) overflowing.push(`${name} ${width} ${colorScheme}: ${wide} px too wide`);
          await page.screenshot({ path: join(SHOTS, `first-hour-${name}-${width}-${colorScheme}.png`), fullPage: true });
        }
        await context.close();
      }
    }
    expect(overflowing).toEqual([]);
  }, 180_000);
});
