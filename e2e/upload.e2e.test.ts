// In Chromium against the built app and worker: the admin uploads a small generated video from a
// library's page, watches the progress bar (speed, time left), and sees the video in the library.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBinary } from '../lib/media/ffmpeg-path';
import { runBinary } from '../lib/media/run-binary';
import { launchBrowser } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
const tmp = mkdtempSync(join(tmpdir(), 'marquee-e2e-upload-'));
const clip = join(tmp, 'Uploaded Test Clip (2023).mp4');

beforeAll(async () => {
  const ffmpeg = await resolveBinary('ffmpeg', { searchPath: process.env.PATH ?? '' });
  // A few MiB (noise compresses badly), so the bar has something to show.
  const made = await runBinary(ffmpeg.path, ['-v', 'error', '-f', 'lavfi', '-i', 'nullsrc=s=640x360:d=4:r=24,geq=random(1)*255:128:128', '-f', 'lavfi', '-i', 'sine=duration=4', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-y', clip], { timeoutMs: 120_000 });
  expect(made.code, made.stderr).toBe(0);
  expect(statSync(clip).size).toBeGreaterThan(1024 * 1024);
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
});
