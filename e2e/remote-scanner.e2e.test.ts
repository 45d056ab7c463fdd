// The remote scanner (`npm run scanner`) against the real app, with a scanner-scoped key: it fills
// a library over HTTP (a second run adds nothing), keeps watching (a move keeps the item, its id
// and its watch state; a delete turns missing), finds its library without --library, and rides
// out a server restart mid-run with nothing lost and nothing twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegVersion, resolveBinary } from '@/lib/media/ffmpeg-path';
import { ensureSampleLibrary, SAMPLE_EPISODE_FILES } from '@/lib/media/sample-library';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;
let template: string;
let token: string;
let key: string;
const scratch = mkdtempSync(join(tmpdir(), 'marquee-remote-'));
const scanners: ChildProcess[] = [];
const root = join(import.meta.dirname, '..');

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const post = (path: string, body: unknown, as?: string) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}) },
    body: JSON.stringify(body),
  }).then(json);
const put = (path: string) => fetch(`${app.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` } }).then(json);
const get = (path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(json);

/** A copy of the sample TV folder (four episodes of "Test Card Show"). */
function tvFolder(name: string): string {
  const dir = join(scratch, name);
  for (const f of SAMPLE_EPISODE_FILES) {
    mkdirSync(dirname(join(dir, f.slice('TV/'.length))), { recursive: true });
    copyFileSync(join(template, f), join(dir, f.slice('TV/'.length)));
  }
  return dir;
}

/** A library whose own folder on the server is empty: its files live on the scanner's machine. */
async function remoteLibrary(name: string): Promise<{ id: string; folder: string }> {
  const folder = join(scratch, `server-${name}`);
  mkdirSync(folder);
  const lib = await post('/api/v1/library', { name, path: folder, type: 'tv' }, token);
  expect(lib.status).toBe(201);
  return { id: lib.body.id, folder };
}

const scannerArgs = (path: string, extra: string[]) => ['run', '--silent', 'scanner', '--', '--endpoint', app.url, '--auth-token', key, '--path', path, ...extra];
/** `npm run scanner -- … --once`, awaited without blocking this process (a blocked loop would reuse dead keep-alive sockets). */
async function runOnce(path: string, extra: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn('npm', scannerArgs(path, ['--once', ...extra]), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  scanners.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const status = await new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { status, ...out };
}

/** The scanner as a long-running process of its own (what `npm run scanner` starts), so a signal reaches it. */
function startScanner(path: string, extra: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/remote-scanner.ts', ...scannerArgs(path, extra).slice(4)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  scanners.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { output: () => out, exited, stop: () => child.kill('SIGTERM') };
}

type FileRow = { path: string; status: string; head_tail_hash: string | null };
const files = async (libraryId: string) => (await get(`/api/v1/library/${libraryId}/files`)).body as FileRow[];

beforeAll(async () => {
  template = join(scratch, 'sample');
  const ffmpeg = await resolveBinary('ffmpeg', { searchPath: process.env.PATH ?? '' });
  await ffmpegVersion(ffmpeg.path);
  [app] = await Promise.all([startApp({ SAMPLE_LIBRARY: 'false' }), ensureSampleLibrary(template, { ffmpegPath: ffmpeg.path })]);
  await post('/api/v1/user/register', { username: 'remote', password: 'remote-password' });
  token = (await post('/api/v1/auth/session', { username: 'remote', password: 'remote-password' })).body.token;
  key = (await post('/api/v1/user/api-keys', { name: 'nas scanner', scope: 'scanner' }, token)).body.key;
});

afterAll(async () => {
  for (const s of scanners) if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
  await app?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('remote scanner', () => {
  it('--once pushes a folder into a library and exits 0; a second run creates nothing', async () => {
    const media = tvFolder('once');
    const lib = await remoteLibrary('NAS TV');
    const first = await runOnce(media, ['--library', lib.id]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('4 files: 4 added, 0 changed, 0 moved, 0 restored, 0 unchanged, 0 missing, 0 skipped, 0 failed');

    const items = (await get(`/api/v1/library/${lib.id}/media`)).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'show', title: 'Test Card Show' });
    const seasons = (await get(`/api/v1/tv/${items[0].id}/season`)).body;
    expect(seasons.map((s: { number: number; episode_count: number }) => [s.number, s.episode_count])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const season = (await get(`/api/v1/season/${seasons[0].id}`)).body;
    expect(season.episodes[0].files[0].media_info.video[0].codec).toBe('hevc');

    const second = await runOnce(media, ['--library', lib.id]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('4 files: 0 added, 0 changed, 0 moved, 0 restored, 4 unchanged, 0 missing');
    expect((await get(`/api/v1/library/${lib.id}/media`)).body.total).toBe(1);

    // A local scan of the (empty) server folder leaves the pushed files alone.
    await post(`/api/v1/library/${lib.id}/run`, { flag: 'scan' }, token);
    await expect.poll(async () => (await get(`/api/v1/library/${lib.id}/scan`)).body.status, { timeout: 20_000 }).toBe('idle');
    const after = (await get(`/api/v1/season/${seasons[0].id}`)).body;
    expect(after.episodes.map((e: { status: string }) => e.status)).toEqual(['ok', 'ok']);
  });

  it('finds its library without --library, and says clearly when the server cannot tell', async () => {
    const media = tvFolder('lookup');
    const lib = await remoteLibrary('Looked up');
    const found = await runOnce(media, ['--server-path', join(lib.folder, 'TV')]);
    expect(found.status, found.stderr).toBe(0);
    expect(found.stdout).toContain(`belongs to library ${lib.id}`);
    expect(found.stdout).toContain('4 files: 4 added');

    const none = await runOnce(media, ['--server-path', '/srv/no/library/here']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no --library given, and the server cannot tell which library owns /srv/no/library/here: No library has a folder holding /srv/no/library/here.');
    // The scratch folder holds the server folders of every library made here: ambiguous, and each is named.
    const ambiguous = await runOnce(media, ['--server-path', scratch]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain(`and it holds folders of several`);
    expect(ambiguous.stderr).toContain(`“Looked up” (${lib.id})`);
    expect(ambiguous.stderr).toContain('“NAS TV”');
  });

  it('keeps watching: a moved file keeps its item, ids and watch state; a deleted one turns missing', async () => {
    const media = tvFolder('watched');
    const lib = await remoteLibrary('Watched NAS');
    const scanner = startScanner(media, ['--library', lib.id, '--settle-seconds', '0.5']);
    await waitFor(async () => (await files(lib.id)).length === 4, { what: 'the first pass', timeoutMs: 60_000, intervalMs: 200 });
    await waitFor(() => scanner.output().includes(`watching ${media}`), { what: 'the watcher' });

    const show = (await get(`/api/v1/library/${lib.id}/media`)).body.items[0];
    const seasons = (await get(`/api/v1/tv/${show.id}/season`)).body;
    const [e1, e2] = (await get(`/api/v1/season/${seasons[0].id}`)).body.episodes;
    const [, s2e2] = (await get(`/api/v1/season/${seasons[1].id}`)).body.episodes;
    expect((await put(`/api/v1/episode/${e1.id}/watched`)).status).toBe(200);

    // Renamed into another folder, and a whole episode deleted.
    const from = join(media, SAMPLE_EPISODE_FILES[0].slice('TV/'.length));
    const to = join(media, 'Test Card Show', 'Season 1 (remastered)', 'Test Card Show - S01E01 - Pilot.mkv');
    mkdirSync(dirname(to));
    renameSync(from, to);
    const deleted = join(media, SAMPLE_EPISODE_FILES[3].slice('TV/'.length));
    rmSync(deleted);

    await waitFor(
      async () => {
        const now = await files(lib.id);
        return now.some((f) => f.path === to && f.status === 'ok') && now.some((f) => f.path === deleted && f.status === 'missing');
      },
      { what: 'the move and the delete on the server', timeoutMs: 60_000, intervalMs: 200 },
    );
    const now = await files(lib.id);
    expect(now.map((f) => f.path)).not.toContain(from);
    expect(now).toHaveLength(4);
    const season1 = (await get(`/api/v1/season/${seasons[0].id}`)).body.episodes;
    expect(season1).toMatchObject([
      { id: e1.id, status: 'ok', watched: true, files: [{ id: e1.files[0].id, status: 'ok' }] },
      { id: e2.id, status: 'ok', files: [{ id: e2.files[0].id }] },
    ]);
    expect((await get(`/api/v1/season/${seasons[1].id}`)).body.episodes[1]).toMatchObject({ id: s2e2.id, status: 'missing' });
    expect((await get(`/api/v1/library/${lib.id}/media`)).body.items).toMatchObject([{ id: show.id, status: 'ok' }]);

    // The deleted episode comes back: the same file, present again.
    copyFileSync(join(template, SAMPLE_EPISODE_FILES[3]), deleted);
    await waitFor(async () => (await files(lib.id)).every((f) => f.status === 'ok'), { what: 'the returned file', timeoutMs: 60_000, intervalMs: 200 });
    expect((await get(`/api/v1/season/${seasons[1].id}`)).body.episodes[1]).toMatchObject({ id: s2e2.id, status: 'ok', files: [{ id: s2e2.files[0].id }] });

    scanner.stop();
    expect(await scanner.exited).toBe(0);
  });

  it('makes a full pass every --rescan-minutes: it catches what file events do not show', async () => {
    const media = tvFolder('periodic');
    const lib = await remoteLibrary('Periodic NAS');
    const scanner = startScanner(media, ['--library', lib.id, '--rescan-minutes', '0.02']);
    await waitFor(async () => (await files(lib.id)).length === 4, { what: 'the first pass', timeoutMs: 60_000, intervalMs: 200 });
    // An ignore file is hidden from the watcher (and holds no video): only a pass sees season 2 leave.
    writeFileSync(join(media, 'Test Card Show', 'Season 02', '.marqueeignore'), '');
    await waitFor(async () => (await files(lib.id)).filter((f) => f.status === 'missing').length === 2, { what: 'season 2 missing', timeoutMs: 60_000, intervalMs: 200 });
    expect(scanner.output()).toMatch(/pass \(periodic\) done in [\d.]+ s: 2 files: 0 added, 0 changed, 0 moved, 0 restored, 2 unchanged, 2 missing/);
    scanner.stop();
    expect(await scanner.exited).toBe(0);
  });

  it('waits out a server restart in the middle of a run and finishes with every file once', async () => {
    const media = tvFolder('restart');
    const extra = 36;
    for (let n = 1; n <= extra; n++) {
      const dest = join(media, 'Test Card Show', 'Season 03', `Test Card Show - S03E${String(n).padStart(2, '0')}.mkv`);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(join(template, SAMPLE_EPISODE_FILES[n % 4]), dest);
    }
    const lib = await remoteLibrary('Restarted NAS');
    const scanner = startScanner(media, ['--library', lib.id, '--once', '--concurrency', '1']);
    await waitFor(async () => (await files(lib.id)).length >= 3, { what: 'the first files on the server', timeoutMs: 60_000, intervalMs: 100 });
    const { dataDir, url } = app;
    await app.stop({ keepData: true });
    await waitFor(() => scanner.output().includes('is unreachable'), { what: 'the scanner to notice', timeoutMs: 30_000 });
    app = await startApp({ SAMPLE_LIBRARY: 'false' }, { dataDir, port: Number(new URL(url).port) });

    expect(await scanner.exited, scanner.output()).toBe(0);
    expect(scanner.output()).toContain('the server answers again');
    const all = await files(lib.id);
    expect(all).toHaveLength(4 + extra);
    expect(new Set(all.map((f) => f.path)).size).toBe(4 + extra);
    expect(all.every((f) => f.status === 'ok')).toBe(true);
    const show = (await get(`/api/v1/library/${lib.id}/media`)).body;
    expect(show.total).toBe(1);
    const seasons = (await get(`/api/v1/tv/${show.items[0].id}/season`)).body;
    expect(seasons.map((s: { number: number; episode_count: number }) => [s.number, s.episode_count])).toEqual([
      [1, 2],
      [2, 2],
      [3, extra],
    ]);
    const season3 = (await get(`/api/v1/season/${seasons[2].id}`)).body.episodes as { files: unknown[] }[];
    expect(season3.map((e) => e.files.length)).toEqual(Array(extra).fill(1));
    // Run again: the server has everything.
    const again = await runOnce(media, ['--library', lib.id]);
    expect(again.stdout).toContain(`${4 + extra} files: 0 added, 0 changed, 0 moved, 0 restored, ${4 + extra} unchanged`);
  });
});
