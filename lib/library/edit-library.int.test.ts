// Libraries with several folders and the mixed type, scanned for real (the generated sample media,
// ffprobe), then edited and deleted through the API.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';

let token: string;
const MOVIE_DIR = 'Movies/Big Test Pattern (2024)';

/** Runs the library's scan job the way the worker does (the queued one is left for the worker's dedupe). */
async function scan(libraryId: string) {
  const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async () => undefined };
  return scanLibraryJob.handle(scanLibraryJob.schema.parse({ libraryId }), ctx);
}

async function titles(libraryId: string): Promise<string[]> {
  const res = await api('GET', `/api/v1/library/${libraryId}/media`, { token });
  return (res.body.items as { kind: string; title: string }[]).map((i) => `${i.kind}:${i.title}`).sort();
}

async function create(body: Record<string, unknown>) {
  return api('POST', '/api/v1/library', { token, body });
}

beforeAll(async () => {
  token = (await signUp('libadmin')).token;
});
afterAll(() => removeTestMedia());

describe('a mixed library', () => {
  it('tells the movie from the episodes when the whole sample folder is added', async () => {
    const root = await copySampleLibrary();
    const res = await create({ name: 'Everything', paths: [root], type: 'mixed' });
    expect(res.status).toBe(201);
    expect(await scan(res.body.id)).toMatchObject({ files: 5, items_created: 2, issues: 0 });
    expect(await titles(res.body.id)).toEqual(['movie:Big Test Pattern', 'show:Test Card Show']);
    const show = await db.mediaItem.findFirstOrThrow({ where: { libraryId: res.body.id, kind: 'show' }, include: { episodes: true } });
    expect(show.episodes.map((e) => `S${e.seasonNumber}E${e.number}`).sort()).toEqual(['S1E1', 'S1E2', 'S2E1', 'S2E2']);
    // Its TV folder is inside it: refused as a library of its own, saying whose it is.
    const tv = await create({ name: 'TV', paths: [join(root, 'TV')], type: 'tv' });
    expect(tv.status).toBe(409);
    expect(tv.body.error).toMatchObject({ code: 'library_path_overlap', message: expect.stringContaining('“Everything”'), fields: [{ path: 'body.paths.0' }] });
  });

  it('changing a movies library to mixed re-sorts its files: the episode "movies" go, shows come', async () => {
    const root = await copySampleLibrary();
    const res = await create({ name: 'Wrong type', path: root, type: 'movies' });
    await scan(res.body.id);
    expect((await titles(res.body.id)).filter((t) => t.startsWith('movie:'))).toHaveLength(5);
    const movieId = (await db.mediaItem.findFirstOrThrow({ where: { libraryId: res.body.id, title: 'Big Test Pattern' } })).id;

    const patched = await api('PATCH', `/api/v1/library/${res.body.id}`, { token, body: { type: 'mixed' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ type: 'mixed' });
    expect(await db.library.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ type: 'mixed', sortedType: 'movies' });
    expect(await scan(res.body.id)).toMatchObject({ probed: 5, items_removed: 4 });
    expect(await titles(res.body.id)).toEqual(['movie:Big Test Pattern', 'show:Test Card Show']);
    expect(await db.library.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ sortedType: null });
    // The next scan has nothing to re-sort.
    expect(await scan(res.body.id)).toMatchObject({ probed: 0, items_removed: 0 });
    // The movie kept its identity (and so its watch state and edits).
    expect((await db.mediaItem.findFirstOrThrow({ where: { libraryId: res.body.id, title: 'Big Test Pattern' } })).id).toBe(movieId);
  });
});

describe('a library of several folders', () => {
  it('scans every folder, adds and removes folders (with their items), and refuses overlaps', async () => {
    const [a, b] = [await copySampleLibrary(), await copySampleLibrary()];
    renameSync(join(b, MOVIE_DIR, 'Big Test Pattern (2024).mp4'), join(b, MOVIE_DIR, 'Other Pattern (2023).mp4'));
    renameSync(join(b, MOVIE_DIR), join(b, 'Movies/Other Pattern (2023)'));
    const res = await create({ name: 'Films', paths: [join(a, 'Movies'), join(b, 'Movies')], type: 'movies', scan_interval_minutes: 60 });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(await scan(id)).toMatchObject({ files: 2, items_created: 2 });
    expect(await titles(id)).toEqual(['movie:Big Test Pattern', 'movie:Other Pattern']);
    const got = await api('GET', `/api/v1/library/${id}`, { token });
    expect(got.body).toMatchObject({ name: 'Films', paths: [join(a, 'Movies'), join(b, 'Movies')].sort(), scan_interval_minutes: 60, media_count: 2 });
    expect(got.body.path).toBe(got.body.paths[0]);

    // Two overlapping folders in one library, and a folder of this library for another: refused at the field.
    const inside = await api('PATCH', `/api/v1/library/${id}`, { token, body: { paths: [join(a, 'Movies'), join(a, MOVIE_DIR)] } });
    expect(inside.status).toBe(409);
    expect(inside.body.error).toMatchObject({ code: 'library_path_overlap', fields: [{ path: 'body.paths.1', message: expect.stringContaining('another folder of this library') }] });
    const other = await create({ name: 'Clash', paths: [join(b, 'TV'), join(a, MOVIE_DIR)], type: 'tv' });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'library_path_overlap', message: expect.stringMatching(/^Folder 2: This folder is inside a folder of the library “Films”/) });
    const missing = await create({ name: 'Nowhere', paths: [join(a, 'nope')], type: 'tv' });
    expect(missing.body.error).toMatchObject({ code: 'library_path_unreadable', fields: [{ path: 'body.paths.0' }] });

    // Removing a folder queues a rescan, which removes its items (not just marks them missing); the rest keep their ids.
    const keep = await db.mediaItem.findFirstOrThrow({ where: { libraryId: id, title: 'Big Test Pattern' } });
    const removed = await api('PATCH', `/api/v1/library/${id}`, { token, body: { name: 'Films A', paths: [join(a, 'Movies')], scan_interval_minutes: null } });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ name: 'Films A', paths: [join(a, 'Movies')], scan_interval_minutes: null });
    expect((await jobQueue().list({ name: scanLibraryJob.name, status: 'queued' })).some((j) => (j.payload as { libraryId: string }).libraryId === id)).toBe(true);
    expect(await scan(id)).toMatchObject({ files: 1, removed: 1, vanished: 0 });
    expect(await titles(id)).toEqual(['movie:Big Test Pattern']);
    expect(await db.mediaFile.count({ where: { libraryId: id } })).toBe(1);
    expect(existsSync(join(b, 'Movies/Other Pattern (2023)/Other Pattern (2023).mp4'))).toBe(true);

    // The folder is free again for another library, and adding it back brings the movie back.
    const check = await api('POST', '/api/v1/library/check-path', { token, body: { path: join(b, 'Movies') } });
    expect(check.body).toMatchObject({ ok: true });
    const back = await api('PATCH', `/api/v1/library/${id}`, { token, body: { paths: [join(a, 'Movies'), join(b, 'Movies')] } });
    expect(back.status).toBe(200);
    await scan(id);
    expect(await titles(id)).toEqual(['movie:Big Test Pattern', 'movie:Other Pattern']);
    expect((await db.mediaItem.findFirstOrThrow({ where: { libraryId: id, title: 'Big Test Pattern' } })).id).toBe(keep.id);
  });

  it('merges one show spread over two folders, and removing one folder keeps the other\'s episodes', async () => {
    const [a, b] = [await copySampleLibrary(), await copySampleLibrary()];
    // Season 1 lives in a, season 2 in b.
    renameSync(join(a, 'TV/Test Card Show/Season 02'), join(a, 'season2-elsewhere'));
    renameSync(join(b, 'TV/Test Card Show/Season 01'), join(b, 'season1-elsewhere'));
    const res = await create({ name: 'Shows', paths: [join(a, 'TV'), join(b, 'TV')], type: 'tv' });
    const id = res.body.id as string;
    await scan(id);
    expect(await titles(id)).toEqual(['show:Test Card Show']);
    const show = await db.mediaItem.findFirstOrThrow({ where: { libraryId: id } });
    expect(await db.episode.count({ where: { showId: show.id } })).toBe(4);

    await api('PATCH', `/api/v1/library/${id}`, { token, body: { paths: [join(a, 'TV')] } });
    expect(await scan(id)).toMatchObject({ removed: 2 });
    const left = await db.episode.findMany({ where: { showId: show.id }, orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }] });
    expect(left.map((e) => `S${e.seasonNumber}E${e.number}`)).toEqual(['S1E1', 'S1E2']);
    expect(await db.season.count({ where: { showId: show.id } })).toBe(1);
    expect((await db.mediaItem.findUniqueOrThrow({ where: { id: show.id } })).id).toBe(show.id);
  });
});

describe('a folder that cannot be read', () => {
  it('keeps its items as they were (an unmounted drive) and says so, while the other folders scan', async () => {
    const [a, b] = [await copySampleLibrary(), await copySampleLibrary()];
    const res = await create({ name: 'Two drives', paths: [join(a, 'Movies'), join(b, 'TV')], type: 'mixed' });
    const id = res.body.id as string;
    await scan(id);
    expect(await titles(id)).toEqual(['movie:Big Test Pattern', 'show:Test Card Show']);

    renameSync(join(b, 'TV'), join(b, 'TV-unmounted'));
    expect(await scan(id)).toMatchObject({ vanished: 0, removed: 0, issues: 1 });
    expect(await db.mediaFile.count({ where: { libraryId: id, status: 'missing' } })).toBe(0);
    const issues = (await api('GET', `/api/v1/library/${id}/issues`, { token })).body as { path: string; message: string }[];
    expect(issues).toEqual([expect.objectContaining({ path: join(b, 'TV'), message: expect.stringContaining('cannot be read') })]);

    renameSync(join(b, 'TV-unmounted'), join(b, 'TV'));
    expect(await scan(id)).toMatchObject({ unchanged: 5, issues: 0 });
  });
});

describe('deleting a library', () => {
  it('removes it, its items and its queued scan; the files stay on disk', async () => {
    const root = await copySampleLibrary();
    const res = await create({ name: 'Doomed', paths: [join(root, 'TV')], type: 'tv' });
    const id = res.body.id as string;
    await scan(id);
    const queued = await jobQueue().enqueue(scanLibraryJob, { libraryId: id, force: false });

    const del = await api('DELETE', `/api/v1/library/${id}`, { token });
    expect(del.status).toBe(204);
    expect((await api('GET', `/api/v1/library/${id}`, { token })).status).toBe(404);
    expect(await db.mediaItem.count({ where: { libraryId: id } })).toBe(0);
    expect(await db.mediaFile.count({ where: { libraryId: id } })).toBe(0);
    expect(await db.libraryFolder.count({ where: { libraryId: id } })).toBe(0);
    expect((await jobQueue().get(queued.id))?.status).toBe('cancelled');
    expect(existsSync(join(root, 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv'))).toBe(true);
    // A scan that still runs for it ends quietly; the folder can be a library again.
    expect(await scan(id)).toEqual({ skipped: 'the library was removed' });
    expect((await create({ name: 'Again', paths: [join(root, 'TV')], type: 'tv' })).status).toBe(201);
    expect((await api('DELETE', `/api/v1/library/${id}`, { token })).status).toBe(404);
  });
});
