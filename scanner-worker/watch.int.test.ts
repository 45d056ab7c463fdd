// The real worker watching a library: new, renamed, moved, deleted and re-added files show up
// by themselves, and items keep their ids.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessEnv, config } from '@/lib/config';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';

let child: ChildProcess;
let output = '';
let root: string;
let libraryId: string;
let token: string;
const within5s = { timeoutMs: 5_000, intervalMs: 50 };

type Episode = { id: string; season_number: number; number: number; status: string; files: { path: string }[] };

/** The library's episodes as a client sees them, through the API (id, SxE, status, file paths). */
async function episodeList(): Promise<Episode[]> {
  const shows = (await api('GET', `/api/v1/library/${libraryId}/media`, { token })).body.items as { id: string }[];
  const out: Episode[] = [];
  for (const show of shows) {
    const seasons = (await api('GET', `/api/v1/tv/${show.id}/season`, { token })).body as { id: string }[];
    for (const season of seasons) out.push(...((await api('GET', `/api/v1/season/${season.id}`, { token })).body.episodes as Episode[]));
  }
  return out.sort((a, b) => a.season_number - b.season_number || a.number - b.number);
}

async function episodes() {
  return (await episodeList()).map((e) => `${e.id}:${e.season_number}x${e.number}:${e.status}`);
}

beforeAll(async () => {
  const c = config();
  child = spawn(process.execPath, ['--import', 'tsx', 'scanner-worker/main.ts'], {
    env: childProcessEnv(c, { DATABASE_URL: c.db.url, WORKER_HEARTBEAT_MS: '200', JOB_POLL_MS: '50', WATCH_STABLE_MS: '300' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  root = await copySampleLibrary();
  token = (await signUp('watchadmin')).token;
  const res = await api('POST', '/api/v1/library', { token, body: { name: 'TV', path: join(root, 'TV'), type: 'tv' } });
  libraryId = res.body.id;
  await waitFor(async () => (await episodes()).length === 4, { timeoutMs: 30_000, what: `the first scan; worker output:\n${output}` });
  await waitFor(async () => (await api('GET', `/api/v1/library/${libraryId}/scan`, { token })).body.watch_status === 'watching', { timeoutMs: 10_000, what: 'the watcher' });
});

afterAll(async () => {
  child?.kill('SIGTERM');
  removeTestMedia();
});

describe('watching a library', () => {
  it('follows rename, move, delete and re-add within 5 s each, keeping ids', async () => {
    const before = await episodes();
    const ep = join(root, 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv');
    const renamed = join(dirname(ep), 'Test.Card.Show.S01E01.mkv');
    const moved = join(root, 'TV/Test Card Show/Elsewhere/Test.Card.Show.S01E01.mkv');
    const pathOf = async () => (await episodeList()).find((e) => e.season_number === 1 && e.number === 1)?.files[0]?.path;

    renameSync(ep, renamed);
    await waitFor(async () => (await pathOf()) === renamed, { ...within5s, what: 'the rename' });
    expect(await episodes()).toEqual(before);

    mkdirSync(dirname(moved));
    renameSync(renamed, moved);
    await waitFor(async () => (await pathOf()) === moved, { ...within5s, what: 'the move' });
    expect(await episodes()).toEqual(before);

    const bytes = readFileSync(moved);
    rmSync(moved);
    await waitFor(async () => (await episodes())[0].endsWith(':missing'), { ...within5s, what: 'missing' });
    expect((await episodes())[0].split(':')[0]).toBe(before[0].split(':')[0]);

    writeFileSync(ep, bytes);
    await waitFor(async () => (await episodes())[0].endsWith(':ok'), { ...within5s, what: 'the re-add' });
    expect(await episodes()).toEqual(before);
  });

  it('adds a new file by itself', async () => {
    const src = join(root, 'TV/Test Card Show/Season 02/Test Card Show - S02E02.mkv');
    mkdirSync(join(root, 'TV/Test Card Show/Season 03'));
    copyFileSync(src, join(root, 'TV/Test Card Show/Season 03/Test Card Show - S03E01.mkv'));
    await waitFor(async () => (await episodes()).some((e) => e.includes(':3x1:ok')), { ...within5s, what: 'the new episode' });
  });
});
