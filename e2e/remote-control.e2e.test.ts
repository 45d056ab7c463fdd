// Remote control in Chromium against the built app: two browser contexts of one user — A plays,
// B is the remote (its page's buttons and the API with its cookie) — and a third context of
// another user. A's <video> follows pause, seek, volume and play_item; the other user cannot see
// or command A; closing A's tab drops it from B's list. B's remote page and the admin sessions page
// follow what A does by itself through their event streams, with no polling.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let token: string;
const ids: Record<string, string> = {};

async function api<T = any>(method: string, path: string, body?: unknown, bearer = token): Promise<T> {
  const res = await fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function account(username: string) {
  const body = JSON.stringify({ username, password: 'remote-password' });
  const reg = await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(reg.status).toBe(201);
  return (await (await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()).token as string;
}

/** A command sent from a page, with that page's cookie: status and body. */
const command = (page: Page, deviceId: string, body: unknown) =>
  page.evaluate(async ([id, b]) => {
    const res = await fetch(`/api/v1/devices/${id}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    return { status: res.status, body: await res.json() };
  }, [deviceId, body] as const);

const video = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector('video');
    return v && { t: v.currentTime, paused: v.paused, volume: v.volume, mode: v.dataset.mode };
  });

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/Movies')), { what: 'the sample library', timeoutMs: 60_000 });
  // A second movie the browser plays directly, for play_item.
  const second = join(app.dataDir, 'sample-media/Movies/Second Pattern (2023)');
  mkdirSync(second, { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=24', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '20', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', join(second, 'Second Pattern (2023).mp4')]);
  token = await account('owner');
  await api('PATCH', '/api/v1/admin/settings', { registration: 'open' });
  await account('stranger');
  const lib = await api<{ id: string }>('POST', '/api/v1/library', { name: 'Movies', path: join(app.dataDir, 'sample-media/Movies'), type: 'movies' });
  const items = await waitFor(async () => {
    const list = (await api<{ items: { id: string; title: string }[] }>('GET', `/api/v1/library/${lib.id}/media`)).items;
    return list.length >= 2 ? list : null;
  }, { what: 'the movies scanned', timeoutMs: 60_000 });
  for (const i of items) ids[i.title] = i.id;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('remote control', () => {
  it('B pauses, seeks, sets the volume and plays another item on A; a stranger cannot see or command A', async () => {
    const a = await signIn(browser, app.url, 'owner', 'remote-password');
    await a.goto(`${app.url}/watch/${ids['Big Test Pattern']}`);
    await expect.poll(async () => (await video(a))?.mode, { timeout: 20_000 }).toBe('direct');
    await a.evaluate(() => {
      const v = document.querySelector('video')!;
      v.muted = true;
      return v.play();
    });
    await expect.poll(async () => (await video(a))?.paused, { timeout: 10_000 }).toBe(false);
    const deviceId = (await a.evaluate(() => sessionStorage.getItem('marquee.device-id')))!;
    expect(deviceId).toBeTruthy();

    // B: the device list shows A, playing; its remote page shows the title.
    const b = await signIn(browser, app.url, 'owner', 'remote-password');
    await b.goto(`${app.url}/remote`);
    await b.getByRole('link', { name: /Chrome on Linux.*Playing: Big Test Pattern/ }).click();
    await b.waitForURL(`**/remote/${deviceId}`);
    await expect.poll(() => b.getByTestId('remote-title').textContent(), { timeout: 10_000 }).toContain('Big Test Pattern');

    const timed = async (what: string, act: () => Promise<unknown>, holds: () => Promise<boolean>) => {
      const t0 = Date.now();
      await act();
      await waitFor(holds, { timeoutMs: 5_000, intervalMs: 10, what });
      return Date.now() - t0;
    };
    const latencies: number[] = [];
    latencies.push(await timed('A paused', () => b.getByRole('button', { name: 'Pause' }).click(), async () => (await video(a))!.paused));
    const seek = await command(b, deviceId, { command: 'seek', position_secs: 6 });
    expect(seek.status).toBe(202);
    await waitFor(async () => Math.abs((await video(a))!.t - 6) < 0.5, { timeoutMs: 5_000, what: 'A at 6 s' });
    latencies.push(await timed('A at volume 30', () => b.getByLabel('Volume').fill('30'), async () => Math.abs((await video(a))!.volume - 0.3) < 0.01));
    // The command's outcome, as the device acknowledged it.
    await waitFor(async () => (await b.evaluate(async ([id, cid]) => (await (await fetch(`/api/v1/devices/${id}/commands/${cid}`)).json()).status, [deviceId, seek.body.id] as const)) === 'done', { what: 'seek done' });
    // The remote page follows A's state.
    await expect.poll(() => b.getByTestId('remote-volume').textContent(), { timeout: 10_000 }).toBe('30');
    expect(Math.max(...latencies)).toBeLessThan(3_000);

    // A plays, pauses and seeks by itself: B's remote page shows each within a second, pushed by its
    // device stream — B asks for no device list or device meanwhile (its fallback poll is 20 s).
    const polls: string[] = [];
    const onRequest = (r: Request) => {
      const path = new URL(r.url()).pathname;
      if (r.method() === 'GET' && /^\/api\/v1\/devices(\/[^/]+)?$/.test(path) && path !== '/api/v1/devices/events') polls.push(path);
    };
    b.on('request', onRequest);
    const onDevice = async (what: string, act: () => Promise<unknown>, holds: () => Promise<boolean>) => {
      const t0 = Date.now();
      await act();
      await waitFor(holds, { timeoutMs: 1_000, intervalMs: 10, what: `B's remote to show ${what} within 1 s` });
      return Date.now() - t0;
    };
    const pushed = [
      await onDevice('A playing', () => a.evaluate(() => document.querySelector('video')!.play()), async () => (await b.getByRole('button', { name: 'Pause', exact: true }).count()) === 1),
      await onDevice('A paused', () => a.evaluate(() => document.querySelector('video')!.pause()), async () => (await b.getByRole('button', { name: 'Play', exact: true }).count()) === 1),
      await onDevice('A at 0:03', () => a.evaluate(() => void (document.querySelector('video')!.currentTime = 3)), async () => (await b.getByTestId('remote-position').textContent())!.startsWith('0:03')),
    ];
    b.off('request', onRequest);
    expect(polls).toEqual([]);

    // A stranger: sees no device, and gets 404 for A's.
    const c = await signIn(browser, app.url, 'stranger', 'remote-password');
    expect(await c.evaluate(async () => (await fetch('/api/v1/devices')).json())).toEqual([]);
    expect((await command(c, deviceId, { command: 'pause' })).status).toBe(404);
    await c.goto(`${app.url}/remote/${deviceId}`);
    await c.getByRole('alert').filter({ hasText: 'No such device.' }).waitFor({ timeout: 10_000 });
    expect((await video(a))!.volume).toBeCloseTo(0.3, 2);

    // play_item: A opens the other movie at 2 s and plays it, chosen for A's own profile.
    const play = await command(b, deviceId, { command: 'play_item', media_id: ids['Second Pattern'], position_secs: 2 });
    expect(play.status).toBe(202);
    await a.waitForURL(`**/watch/${ids['Second Pattern']}`, { timeout: 15_000 });
    await expect.poll(async () => (await video(a))?.mode, { timeout: 15_000 }).toBe('direct');
    await expect.poll(async () => (await video(a))!.t, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => b.getByTestId('remote-title').textContent(), { timeout: 10_000 }).toContain('Second Pattern');
    // The first movie's session ended when the device started the next one.
    const owner = await api<{ key: string; item: { title: string } }[]>('GET', '/api/v1/admin/sessions');
    expect(owner.map((s) => s.item.title)).toEqual(['Second Pattern']);

    // Admin → Sessions (the owner is the admin), live: A's pause shows within a second; Stop ends
    // the session, A's player says why, and the row goes.
    const dash = await signIn(browser, app.url, 'owner', 'remote-password');
    await dash.goto(`${app.url}/admin/sessions`);
    const row = dash.getByTestId('session-row').filter({ hasText: 'Second Pattern' });
    await row.waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await video(a))?.paused, { timeout: 10_000 }).toBe(false);
    pushed.push(await onDevice('A paused on the dashboard', () => a.evaluate(() => document.querySelector('video')!.pause()), async () => (await row.textContent())!.includes('(paused)')));
    await row.getByRole('button', { name: 'Stop' }).click();
    await a.getByRole('alert').filter({ hasText: 'An admin stopped this stream.' }).waitFor({ timeout: 5_000 });
    await dash.getByText('Nothing is playing.').waitFor({ timeout: 5_000 });
    await dash.context().close();

    // Closing A's tab drops it from B's list within 15 s.
    await a.context().close();
    const closedAt = Date.now();
    await waitFor(async () => (await b.evaluate(async () => (await fetch('/api/v1/devices')).json())).length === 0, { timeoutMs: 15_000, intervalMs: 250, what: 'A to drop out' });
    expect(Date.now() - closedAt).toBeLessThan(15_000);
    console.log(`[remote e2e] command → A changed: ${latencies.map((l) => `${l} ms`).join(', ')}; A changed → B's page shows it: ${pushed.map((l) => `${l} ms`).join(', ')}`);
  }, 120_000);
});
