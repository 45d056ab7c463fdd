// In Chromium against the built app and worker: the admin uploads a small generated video from a
// library's page, watches the progress bar (speed, time left), and sees the video in the library.
// Then uploads that are interrupted — by a page reload, and by the network going away — resume from
// the server's offset rather than start again.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBinary } from '../lib/media/ffmpeg-path';
import { runBinary } from '../lib/media/run-binary';
import { launchBrowser, signIn } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
const tmp = mkdtempSync(join(tmpdir(), 'marquee-e2e-upload-'));
const clip = join(tmp, 'Uploaded Test Clip (2023).mp4');
const reloadClip = join(tmp, 'Reloaded Upload (2021).mp4');
const dropClip = join(tmp, 'Dropped Upload (2022).mp4');

/** Noise compresses badly: a few seconds of it make a file of a few MiB. */
async function makeNoiseClip(ffmpeg: string, out: string, seconds: number): Promise<void> {
  const made = await runBinary(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', `nullsrc=s=640x360:d=${seconds}:r=24,geq=random(1)*255:128:128`, '-f', 'lavfi', '-i', `sine=duration=${seconds}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-y', out], { timeoutMs: 120_000 });
  expect(made.code, made.stderr).toBe(0);
}

beforeAll(async () => {
  const ffmpeg = await resolveBinary('ffmpeg', { searchPath: process.env.PATH ?? '' });
  // A few MiB (noise compresses badly), so the bar has something to show.
  await Promise.all([makeNoiseClip(ffmpeg.path, clip, 4), makeNoiseClip(ffmpeg.path, reloadClip, 16), makeNoiseClip(ffmpeg.path, dropClip, 16)]);
  expect(statSync(clip).size).toBeGreaterThan(1024 * 1024);
  expect(statSync(reloadClip).size).toBeGreaterThan(4 * 1024 * 1024);
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/Movies')), { what: 'the sample library', timeoutMs: 60_000 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('uploading a video in the browser', () => {
  it('uploads into a library with a progress bar, and the video appears there', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${app.url}/setup`);
    await page.getByLabel('Username').fill('root');
    await page.getByLabel('Display name').fill('Root');
    await page.getByLabel('Password', { exact: true }).fill('upload-password');
    await page.getByLabel('Confirm password').fill('upload-password');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await page.getByRole('button', { name: 'Add the sample libraries' }).click();
    await page.getByRole('region', { name: 'Your libraries' }).getByRole('link', { name: 'Sample Movies' }).click();
    await page.getByRole('link', { name: 'Big Test Pattern' }).waitFor({ timeout: 60_000 });

    const panel = page.getByRole('region', { name: 'Upload a video' });
    await panel.getByRole('button', { name: 'Choose a video…' }).waitFor();
    // Slow the link down so the progress bar is seen mid-way, as on a real network.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await page.setInputFiles('#upload-file', clip);
    const bar = panel.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('upload-speed').textContent(), { timeout: 60_000 }).toMatch(/\/s$/);
    await expect.poll(() => panel.getByTestId('upload-eta').textContent(), { timeout: 60_000 }).toMatch(/left$/);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await panel.getByText('Uploaded “Uploaded Test Clip (2023).mp4”').waitFor({ timeout: 120_000 });
    expect(existsSync(join(app.dataDir, 'sample-media/Movies/Uploaded Test Clip (2023).mp4'))).toBe(true);
    await page.getByRole('link', { name: /Uploaded Test Clip/ }).first().waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
  }, 300_000);

  // The admin and the sample library come from the test above.
  async function libraryPage(): Promise<Page> {
    const page = await signIn(browser, app.url, 'root', 'upload-password');
    await page.goto(app.url);
    await page.getByRole('region', { name: 'Your libraries' }).getByRole('link', { name: 'Sample Movies' }).click();
    await page.getByRole('region', { name: 'Upload a video' }).getByRole('button', { name: 'Choose a video…' }).waitFor();
    return page;
  }

  /** The bytes the server holds of the one unfinished upload (DATA_DIR/uploads/<32 hex>). */
  function partialBytes(): number {
    const dir = join(app.dataDir, 'uploads');
    const parts = existsSync(dir) ? readdirSync(dir).filter((n) => /^[0-9a-f]{32}$/.test(n)) : [];
    return parts.length === 1 ? statSync(join(dir, parts[0])).size : 0;
  }

  /** The tus requests a page makes, with the offsets they carry, and the offsets the server answers HEAD with. */
  function recordTus(page: Page) {
    const seen = { creates: 0, heads: [] as number[], patches: [] as Request[] };
    page.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/api/v1/uploads')) return;
      if (r.method() === 'POST') seen.creates++;
      if (r.method() === 'PATCH') seen.patches.push(r);
    });
    page.on('response', (r) => {
      if (r.request().method() === 'HEAD' && new URL(r.url()).pathname.startsWith('/api/v1/uploads/')) seen.heads.push(Number(r.headers()['upload-offset']));
    });
    return seen;
  }

  /** What the PATCHes sent: from which offset each started, and how many body bytes each carried. */
  async function patchBodies(patches: Request[]): Promise<{ offset: number; bytes: number }[]> {
    return Promise.all(
      patches.map(async (r) => {
        const headers = await r.allHeaders();
        return { offset: Number(headers['upload-offset']), bytes: Number(headers['content-length']) };
      }),
    );
  }

  const slowLink = { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 512 * 1024 };
  const fastLink = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

  it('resumes after a page reload from the server’s offset when the same file is chosen again', async () => {
    const size = statSync(reloadClip).size;
    const page = await libraryPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', slowLink);
    const before = recordTus(page);
    await page.setInputFiles('#upload-file', reloadClip);
    // Reload once the server holds a good part of the file, but well before the end.
    await waitFor(() => partialBytes() > 1024 * 1024, { timeoutMs: 60_000, what: 'a MiB of the upload on the server' });
    expect(before.creates).toBe(1);
    await page.reload();
    const held = partialBytes();
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(size);

    await cdp.send('Network.emulateNetworkConditions', fastLink);
    const after = recordTus(page);
    const panel = page.getByRole('region', { name: 'Upload a video' });
    await panel.getByRole('button', { name: 'Choose a video…' }).waitFor();
    await page.setInputFiles('#upload-file', reloadClip);
    await panel.getByText('Uploaded “Reloaded Upload (2021).mp4”').waitFor({ timeout: 120_000 });

    // No new upload: the old one was asked for its offset and continued from there.
    expect(after.creates).toBe(0);
    expect(after.heads.length).toBeGreaterThanOrEqual(1);
    expect(after.heads[0]).toBeGreaterThan(0);
    const sent = await patchBodies(after.patches);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent[0].offset).toBe(after.heads[0]);
    const total = sent.reduce((n, p) => n + p.bytes, 0);
    expect(total).toBe(size - after.heads[0]);
    expect(total).toBeLessThan(size);

    const placed = join(app.dataDir, 'sample-media/Movies/Reloaded Upload (2021).mp4');
    expect(statSync(placed).size).toBe(size);
    await page.getByRole('link', { name: /Reloaded Upload/ }).first().waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('resumes after the network drops (offline, then online) without starting again', async () => {
    const size = statSync(dropClip).size;
    const page = await libraryPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', slowLink);
    const seen = recordTus(page);
    await page.setInputFiles('#upload-file', dropClip);
    await waitFor(() => partialBytes() > 1024 * 1024, { timeoutMs: 60_000, what: 'a MiB of the upload on the server' });

    await cdp.send('Network.emulateNetworkConditions', { ...slowLink, offline: true });
    const panel = page.getByRole('region', { name: 'Upload a video' });
    await panel.getByText('Offline: the upload goes on when the connection is back.').waitFor({ timeout: 30_000 });
    const patchesBefore = seen.patches.length;
    const headsBefore = seen.heads.length;
    await cdp.send('Network.emulateNetworkConditions', fastLink);

    await panel.getByText('Uploaded “Dropped Upload (2022).mp4”').waitFor({ timeout: 120_000 });
    expect(seen.creates).toBe(1);
    const resumedAt = seen.heads[headsBefore];
    expect(resumedAt).toBeGreaterThan(0);
    const resumed = await patchBodies(seen.patches.slice(patchesBefore));
    expect(resumed.length).toBeGreaterThanOrEqual(1);
    expect(resumed[0].offset).toBe(resumedAt);
    expect(resumed.reduce((n, p) => n + p.bytes, 0)).toBe(size - resumedAt);
    expect(statSync(join(app.dataDir, 'sample-media/Movies/Dropped Upload (2022).mp4')).size).toBe(size);
    await page.getByRole('link', { name: /Dropped Upload/ }).first().waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
