// The remote scanner fills a library over HTTP with a scanner-scoped key; a second run adds nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegVersion, resolveBinary } from '@/lib/media/ffmpeg-path';
import { ensureSampleLibrary } from '@/lib/media/sample-library';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let media: string;

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

beforeAll(async () => {
  media = join(mkdtempSync(join(tmpdir(), 'marquee-remote-')), 'media');
  const ffmpeg = await resolveBinary('ffmpeg', { searchPath: process.env.PATH ?? '' });
  await ffmpegVersion(ffmpeg.path);
  [app] = await Promise.all([startApp({ SAMPLE_LIBRARY: 'false' }), ensureSampleLibrary(media, { ffmpegPath: ffmpeg.path })]);
});

afterAll(async () => {
  await app?.stop();
  rmSync(join(media, '..'), { recursive: true, force: true });
});

describe('remote scanner', () => {
  it('pushes a folder into a library, and a second run creates nothing', async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then(json);
    await post('/api/v1/user/register', { username: 'remote', password: 'remote-password' });
    const { token } = (await post('/api/v1/auth/session', { username: 'remote', password: 'remote-password' })).body;
    const key = (await post('/api/v1/user/api-keys', { name: 'nas scanner', scope: 'scanner' }, token)).body.key;
    // The library's own folder is an empty one on the server: the files live "elsewhere".
    const serverFolder = mkdtempSync(join(tmpdir(), 'marquee-remote-lib-'));
    const lib = await post('/api/v1/library', { name: 'NAS TV', path: serverFolder, type: 'tv' }, token);
    expect(lib.status).toBe(201);

    const run = () =>
      spawnSync('npm', ['run', '--silent', 'scanner', '--', '--endpoint', app.url, '--auth-token', key, '--path', join(media, 'TV'), '--library', lib.body.id], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('4 files: 4 created, 0 updated, 0 unchanged, 0 skipped, 0 failed');

    const get = (path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(json);
    const items = (await get(`/api/v1/library/${lib.body.id}/media`)).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'show', title: 'Test Card Show' });
    const seasons = (await get(`/api/v1/tv/${items[0].id}/season`)).body;
    expect(seasons.map((s: { number: number; episode_count: number }) => [s.number, s.episode_count])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const season = (await get(`/api/v1/season/${seasons[0].id}`)).body;
    expect(season.episodes[0].files[0].media_info.video[0].codec).toBe('hevc');

    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('4 files: 0 created, 0 updated, 4 unchanged');
    expect((await get(`/api/v1/library/${lib.body.id}/media`)).body.total).toBe(1);

    // A local scan of the (empty) server folder leaves the pushed files alone.
    await post(`/api/v1/library/${lib.body.id}/run`, { flag: 'scan' }, token);
    await expect
      .poll(async () => (await get(`/api/v1/library/${lib.body.id}/scan`)).body.status, { timeout: 20_000 })
      .toBe('idle');
    const after = (await get(`/api/v1/season/${seasons[0].id}`)).body;
    expect(after.episodes.map((e: { status: string }) => e.status)).toEqual(['ok', 'ok']);
    rmSync(serverFolder, { recursive: true, force: true });
  });
});
