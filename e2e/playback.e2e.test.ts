// Playback in Chromium against the built app and worker, on the generated sample library: the
// H.264/AAC MP4 plays directly, the HEVC/AC-3 MKV through HLS (hls.js), a seek to 80 % plays,
// the .srt beside the episode shows cues, and leaving the page leaves no ffmpeg and no segment.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let token: string;
let page: Page;
const errors: string[] = [];

async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** ffmpeg processes writing into the transcode folder. */
function transcoders(): number[] {
  const dir = join(app.dataDir, 'transcode');
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const sessionFolders = () => (existsSync(join(app.dataDir, 'transcode')) ? readdirSync(join(app.dataDir, 'transcode')) : []);
const videoState = () =>
  page.evaluate(() => {
    const v = document.querySelector('video')!;
    return { t: v.currentTime, paused: v.paused, seeking: v.seeking, mode: v.dataset.mode, ready: v.readyState, duration: v.duration };
  });

/** Opens the player, waits for the chosen mode, and starts it muted (autoplay rules). */
async function openPlayer(id: string, mode: string) {
  await page.goto(`${app.url}/watch/${id}`);
  await expect.poll(async () => (await videoState()).mode, { timeout: 15_000 }).toBe(mode);
  await page.evaluate(() => {
    const v = document.querySelector('video')!;
    v.muted = true;
    return v.play();
  });
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await waitFor(() => existsSync(join(app.dataDir, 'sample-media/TV')), { what: 'the sample library', timeoutMs: 60_000 });
  const reg = await fetch(`${app.url}/api/v1/user/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'playback-password' }) });
  expect(reg.status).toBe(201);
  const session = await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'playback-password' }) });
  token = (await session.json()).token;
  for (const [name, type] of [['Movies', 'movies'], ['TV', 'tv']]) {
    const lib = await api<{ id: string }>('POST', '/api/v1/library', { name, path: join(app.dataDir, 'sample-media', name), type });
    await waitFor(async () => (await api<{ items: unknown[] }>('GET', `/api/v1/library/${lib.id}/media`)).items.length > 0, { what: `${name} scanned`, timeoutMs: 60_000 });
  }
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/login`);
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill('playback-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('playback in Chromium', () => {
  it('plays the H.264/AAC MP4 directly', async () => {
    const movie = (await api<{ id: string; title: string }[]>('GET', '/api/v1/search?q=Big%20Test')).find((m) => m.title === 'Big Test Pattern')!;
    await openPlayer(movie.id, 'direct');
    await expect.poll(async () => (await videoState()).t, { timeout: 15_000 }).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Info' }).click();
    await expect(page.getByTestId('play-mode').textContent()).resolves.toBe('Direct play');
    // Scrub previews appear over the seek bar once the background job has made them.
    const seek = page.getByRole('slider', { name: 'Seek' });
    await expect.poll(async () => {
      await seek.hover({ position: { x: 20, y: 5 } });
      return page.getByTestId('scrub-preview').isVisible();
    }, { timeout: 60_000, interval: 1000 }).toBe(true);
    const bg = await page.getByTestId('scrub-preview').evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(bg).toMatch(/trickplay\/sheet-001\.jpg/);
  });

  it('answers Range requests over HTTP the same way on the web server’s fast path', async () => {
    const movie = (await api<{ id: string; title: string }[]>('GET', '/api/v1/search?q=Big%20Test')).find((m) => m.title === 'Big Test Pattern')!;
    const s = await api<{ url: string; mode: string }>('POST', '/api/v1/stream-session', { media_id: movie.id, supported_codecs: { containers: ['mp4'], video: [{ codec: 'h264' }], audio: ['aac'] } });
    expect(s.mode).toBe('direct');
    const get = (headers: Record<string, string>) => fetch(`${app.url}${s.url}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    const whole = await get({});
    const size = Number(whole.headers.get('content-length'));
    expect((await whole.arrayBuffer()).byteLength).toBe(size);
    const part = await get({ range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${size}`);
    expect(Buffer.from(await part.arrayBuffer())).toHaveLength(10);
    const past = await get({ range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect((await past.json()).error.code).toBe('range_not_satisfiable');
    expect((await fetch(`${app.url}${s.url}`)).status).toBe(401);
    expect((await fetch(`${app.url}${s.url}`, { headers: { authorization: 'Bearer mq_s_nope' } })).status).toBe(401);
  });

  it('plays the HEVC/AC-3 MKV through HLS, seeks to 80 %, shows subtitle cues, and cleans up after leaving', async () => {
    const show = (await api<{ id: string; kind: string }[]>('GET', '/api/v1/search?q=Test%20Card')).find((m) => m.kind === 'show')!;
    const seasons = await api<{ id: string; number: number }[]>('GET', `/api/v1/tv/${show.id}/season`);
    const season = await api<{ episodes: { id: string; number: number }[] }>('GET', `/api/v1/season/${seasons.find((s) => s.number === 1)!.id}`);
    const episode = season.episodes.find((e) => e.number === 1)!;

    await openPlayer(episode.id, 'transcode');
    await expect.poll(async () => (await videoState()).t, { timeout: 20_000 }).toBeGreaterThan(0.5);
    expect(sessionFolders()).toHaveLength(1);

    // Seek to 80 %: playing there within 5 s.
    const { duration } = await videoState();
    const target = duration * 0.8;
    const seekStart = Date.now();
    await page.evaluate((to) => {
      document.querySelector('video')!.currentTime = to;
    }, target);
    await expect.poll(async () => {
      const s = await videoState();
      return !s.seeking && s.t >= target && s.ready >= 3;
    }, { timeout: 5_000, interval: 100 }).toBe(true);
    expect(Date.now() - seekStart).toBeLessThan(5_000);

    // The English .srt beside the file, as a WebVTT track with its cues.
    await page.getByLabel('Subtitles').selectOption({ label: 'ENG · SRT' });
    await expect.poll(() => page.evaluate(() => {
      const track = document.querySelector('video')!.textTracks[0];
      return track ? { mode: track.mode, cues: track.cues?.length ?? 0 } : null;
    }), { timeout: 10_000 }).toEqual({ mode: 'showing', cues: 3 });

    await page.getByRole('button', { name: 'Info' }).click();
    await expect(page.getByRole('list').filter({ hasText: 'HEVC' }).textContent()).resolves.toContain('HEVC is not supported by this browser → transcode');

    // Leaving the page deletes the session: ffmpeg stops and the segments go.
    await page.goto(`${app.url}/`);
    await waitFor(() => sessionFolders().length === 0 && transcoders().length === 0, { what: 'no ffmpeg and no segment left', timeoutMs: 10_000 });
    expect(errors).toEqual([]);
  });

  it('serves an HLS stream ffmpeg reads end to end over HTTP', async () => {
    const show = (await api<{ id: string; kind: string }[]>('GET', '/api/v1/search?q=Test%20Card')).find((m) => m.kind === 'show')!;
    const seasons = await api<{ id: string; number: number }[]>('GET', `/api/v1/tv/${show.id}/season`);
    const season = await api<{ episodes: { id: string; number: number }[] }>('GET', `/api/v1/season/${seasons.find((s) => s.number === 2)!.id}`);
    const s = await api<{ url: string; stream_key: string; mode: string }>('POST', '/api/v1/stream-session', {
      media_id: season.episodes[0].id,
      supported_codecs: { containers: ['mp4'], video: [{ codec: 'h264' }], audio: ['aac'] },
    });
    expect(s.mode).toBe('transcode');
    // Not execFileSync: a blocked event loop misses the server closing an idle keep-alive socket
    // (after 5 s, reached on a busy machine), and the next fetch reuses it ("other side closed").
    const { stdout: ffprobe } = await promisify(execFile)('ffprobe', ['-v', 'error', '-headers', `Authorization: Bearer ${token}\r\n`, '-print_format', 'json', '-show_streams', '-show_format', '-count_frames', `${app.url}${s.url}`], { encoding: 'utf8' });
    const probe = JSON.parse(ffprobe);
    const video = probe.streams.find((x: { codec_type: string }) => x.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    // Every frame of the 6 s episode at 24 fps came through.
    expect(Number(video.nb_read_frames)).toBeGreaterThanOrEqual(140);
    expect(probe.streams.some((x: { codec_name: string }) => x.codec_name === 'aac')).toBe(true);
    await api('DELETE', `/api/v1/stream-session/${s.stream_key}`);
    await waitFor(() => sessionFolders().length === 0 && transcoders().length === 0, { what: 'cleanup', timeoutMs: 10_000 });
  });
});
