// The scan pipeline on real files (the generated sample library) and a real database.
import { mkdirSync, renameSync, rmSync, copyFileSync, writeFileSync, symlinkSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { scanLibrary } from './scan-library';
import { realScanDeps } from './scan-library-job';

let token: string;
const EP = (root: string, s: number, e: number) => join(root, 'TV/Test Card Show', `Season 0${s}`, `Test Card Show - S0${s}E0${e}.mkv`);
const MOVIE = (root: string) => join(root, 'Movies/Big Test Pattern (2024)/Big Test Pattern (2024).mp4');

async function addLibrary(path: string, type: 'movies' | 'tv' | 'videos') {
  const res = await api('POST', '/api/v1/library', { token, body: { name: `${type} ${path}`, path, type } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function scan(libraryId: string, force = false) {
  return scanLibrary(libraryId, { force }, await realScanDeps());
}

async function episodeIds(libraryId: string) {
  const eps = await db.episode.findMany({ where: { show: { libraryId } }, orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }] });
  return eps.map((e) => ({ id: e.id, s: e.seasonNumber, e: e.number, status: e.status }));
}

beforeAll(async () => {
  token = (await signUp('scanadmin')).token;
});
afterAll(() => removeTestMedia());

describe('scanning the sample library', () => {
  it('finds 1 movie and 1 show with 2 seasons × 2 episodes, with file facts', async () => {
    const root = await copySampleLibrary();
    const movies = await addLibrary(join(root, 'Movies'), 'movies');
    const tv = await addLibrary(join(root, 'TV'), 'tv');
    const m = await scan(movies);
    const t = await scan(tv);
    expect(m).toMatchObject({ files: 1, probed: 1, items_created: 1, issues: 0 });
    expect(t).toMatchObject({ files: 4, probed: 4, items_created: 1, issues: 0 });

    const movieList = await api('GET', `/api/v1/library/${movies}/media`, { token });
    expect(movieList.body.items).toHaveLength(1);
    expect(movieList.body.items[0]).toMatchObject({ kind: 'movie', title: 'Big Test Pattern', year: 2024, status: 'ok' });
    const movie = await api('GET', `/api/v1/media/${movieList.body.items[0].id}`, { token });
    expect(movie.body.files[0].media_info).toMatchObject({ container: 'mp4' });
    expect(JSON.stringify(movie.body.files[0].media_info)).toContain('h264');

    const shows = (await api('GET', `/api/v1/library/${tv}/media`, { token })).body.items;
    expect(shows).toHaveLength(1);
    expect(shows[0]).toMatchObject({ kind: 'show', title: 'Test Card Show' });
    const seasons = await api('GET', `/api/v1/tv/${shows[0].id}/season`, { token });
    expect(seasons.body.map((s: { number: number; episode_count: number }) => [s.number, s.episode_count])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const season1 = await api('GET', `/api/v1/season/${seasons.body[0].id}`, { token });
    expect(season1.body.episodes.map((e: { number: number }) => e.number)).toEqual([1, 2]);
    expect(JSON.stringify(season1.body.episodes[0].files[0].media_info)).toContain('hevc');

    const lib = await api('GET', `/api/v1/library/${tv}`, { token });
    expect(lib.body).toMatchObject({ media_count: 1, scan_status: 'idle' });
    expect(lib.body.last_scan_at).not.toBeNull();
    const search = await api('GET', '/api/v1/search?q=the%20big%20test', { token });
    expect(search.body.map((i: { title: string }) => i.title)).toEqual(['Big Test Pattern']);
  });

  it('probes nothing on an unchanged rescan, everything on a forced one', async () => {
    const root = await copySampleLibrary();
    const tv = await addLibrary(join(root, 'TV'), 'tv');
    await scan(tv);
    expect(await scan(tv)).toMatchObject({ files: 4, unchanged: 4, probed: 0, added: 0, moved: 0, vanished: 0 });
    expect(await scan(tv, true)).toMatchObject({ probed: 4, items_created: 0 });
  });

  it('keeps the item through rename, move, delete and re-add, and an upgrade', async () => {
    const root = await copySampleLibrary();
    const tv = await addLibrary(join(root, 'TV'), 'tv');
    await scan(tv);
    const before = await episodeIds(tv);

    // Rename inside the season folder.
    renameSync(EP(root, 1, 1), join(dirname(EP(root, 1, 1)), 'test.card.show.s01e01.720p.mkv'));
    expect(await scan(tv)).toMatchObject({ moved: 1, probed: 0 });
    expect(await episodeIds(tv)).toEqual(before);

    // Move to another folder.
    const elsewhere = join(root, 'TV/Test Card Show/Moved/Test Card Show - S01E01.mkv');
    mkdirSync(dirname(elsewhere), { recursive: true });
    renameSync(join(dirname(EP(root, 1, 1)), 'test.card.show.s01e01.720p.mkv'), elsewhere);
    expect(await scan(tv)).toMatchObject({ moved: 1, probed: 0 });
    expect(await episodeIds(tv)).toEqual(before);

    // Delete: the episode is missing, not gone.
    const kept = readFileSync(elsewhere);
    rmSync(elsewhere);
    expect(await scan(tv)).toMatchObject({ vanished: 1 });
    const missing = await episodeIds(tv);
    expect(missing.find((e) => e.s === 1 && e.e === 1)).toMatchObject({ id: before[0].id, status: 'missing' });
    const season1 = await api('GET', `/api/v1/season/${(await db.season.findFirstOrThrow({ where: { number: 1, show: { libraryId: tv } } })).id}`, { token });
    expect(season1.body.episodes[0].status).toBe('missing');

    // Re-add a copy (a new inode): recognised by size + head/tail hash, the episode is back.
    writeFileSync(EP(root, 1, 1), kept);
    expect(await scan(tv)).toMatchObject({ moved: 1, probed: 0 });
    expect(await episodeIds(tv)).toEqual(before);

    // Upgrade: a different file replaces the episode under the same name.
    rmSync(EP(root, 2, 2));
    copyFileSync(EP(root, 2, 1), EP(root, 2, 2));
    expect(await scan(tv)).toMatchObject({ changed: 1, probed: 1 });
    expect(await episodeIds(tv)).toEqual(before);
  });
});

describe('bad input', () => {
  it('records a per-file issue for each bad file and completes the scan', async () => {
    const root = await copySampleLibrary();
    const movies = join(root, 'Movies');
    const good = MOVIE(root);
    writeFileSync(join(movies, 'Empty (2020).mkv'), '');
    writeFileSync(join(movies, 'Truncated (2021).mp4'), readFileSync(good).subarray(0, 2048));
    writeFileSync(join(movies, 'Not Really (2022).mkv'), 'this is a text file, not a video\n'.repeat(50));
    symlinkSync(join(movies, 'nowhere.mkv'), join(movies, 'Dangling (2023).mkv'));
    symlinkSync(movies, join(movies, 'Loop'));
    const odd = join(movies, `Weird "Quotes" & <b onmouseover=alert(1)>x<script>alert(1) Ünïcødé (2019)`);
    mkdirSync(odd);
    copyFileSync(good, join(odd, 'movie.mp4'));
    const longName = `${'L'.repeat(240)} (2018).mkv`;
    copyFileSync(good, join(movies, longName));
    let deep = movies;
    for (let i = 0; i < 70; i++) deep = join(deep, `d${i}`);
    mkdirSync(deep, { recursive: true });
    copyFileSync(good, join(deep, 'Deep (2017).mp4'));

    const lib = await addLibrary(movies, 'movies');
    const result = await scan(lib);
    const issues = await db.scanIssue.findMany({ where: { libraryId: lib } });
    const reasonOf = (name: string) => issues.find((i) => i.path.endsWith(name))?.reason;
    expect(reasonOf('Empty (2020).mkv')).toBe('empty_file');
    expect(reasonOf('Truncated (2021).mp4')).toBe('not_media');
    expect(reasonOf('Not Really (2022).mkv')).toBe('not_media');
    expect(reasonOf('Dangling (2023).mkv')).toBe('unreadable');
    expect(issues.some((i) => i.reason === 'symlink_loop')).toBe(true);
    expect(issues.some((i) => i.reason === 'too_deep')).toBe(true);
    const titles = (await db.mediaItem.findMany({ where: { libraryId: lib } })).map((i) => i.title);
    expect(titles).toContain('Big Test Pattern');
    expect(titles.some((t) => t.includes('<script>'))).toBe(true);
    expect(titles.some((t) => t.startsWith('LLLL'))).toBe(true);
    expect(result.issues).toBe(issues.length);
    // The bad files are remembered: an unchanged rescan probes none of them again.
    expect(await scan(lib)).toMatchObject({ probed: 0 });
    expect(await db.scanIssue.count({ where: { libraryId: lib } })).toBe(issues.length);
  });
});

describe('library API', () => {
  it('validates paths and flags', async () => {
    const root = await copySampleLibrary();
    const post = (path: string) => api('POST', '/api/v1/library', { token, body: { name: 'x', path, type: 'movies' } });
    expect((await post('relative/path')).body.error.code).toBe('library_path_invalid');
    expect((await post(`${root}/Movies/../TV`)).body.error.code).toBe('library_path_invalid');
    expect((await post(`${root}/nope`)).body.error.code).toBe('library_path_unreadable');
    expect((await post(MOVIE(root))).body.error.code).toBe('library_path_unreadable');
    expect((await post(config().paths.data)).body.error.code).toBe('library_path_forbidden');
    const id = await addLibrary(join(root, 'Movies'), 'movies');
    const overlap = await post(join(root, 'Movies/Big Test Pattern (2024)'));
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('library_path_overlap');
    expect((await post(root)).status).toBe(409);

    const bad = await api('POST', `/api/v1/library/${id}/run`, { token, body: { flag: 'explode' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('unknown_flag');
    const run = await api('POST', `/api/v1/library/${id}/run`, { token, body: { flag: 'rescan' } });
    expect(run.status).toBe(202);
    expect(run.body.job_id).toEqual(expect.any(String));

    const edited = await api('PATCH', `/api/v1/library/${id}`, { token, body: { name: 'Films' } });
    expect(edited.body.name).toBe('Films');
    expect((await api('DELETE', `/api/v1/library/${id}`, { token })).status).toBe(204);
    expect((await api('GET', `/api/v1/library/${id}`, { token })).status).toBe(404);
  });

  it('locks edited fields', async () => {
    const root = await copySampleLibrary();
    const lib = await addLibrary(join(root, 'Movies'), 'movies');
    await scan(lib);
    const item = (await api('GET', `/api/v1/library/${lib}/media`, { token })).body.items[0];
    const patched = await api('PATCH', `/api/v1/media/${item.id}`, { token, body: { title: 'My Title', overview: 'Mine.' } });
    expect(patched.body).toMatchObject({ title: 'My Title', overview: 'Mine.', locked_fields: ['overview', 'title'] });
    await scan(lib, true);
    expect((await api('GET', `/api/v1/media/${item.id}`, { token })).body.title).toBe('My Title');
  });
});

describe('duplicates and missing items', () => {
  it('reports an item with two files, and purges missing items only when asked', async () => {
    const root = await copySampleLibrary();
    const lib = await addLibrary(join(root, 'Movies'), 'movies');
    copyFileSync(MOVIE(root), join(dirname(MOVIE(root)), 'Big Test Pattern (2024) - 720p.mp4'));
    await scan(lib);
    const dups = await api('GET', `/api/v1/library/${lib}/duplicates`, { token });
    expect(dups.body).toEqual([expect.objectContaining({ kind: 'movie', title: 'Big Test Pattern', files: expect.arrayContaining([MOVIE(root)]) })]);
    expect(dups.body[0].files).toHaveLength(2);

    rmSync(dirname(MOVIE(root)), { recursive: true });
    await scan(lib);
    const item = (await api('GET', `/api/v1/library/${lib}/media`, { token })).body.items[0];
    expect(item.status).toBe('missing');
    // Nothing is purged automatically before MISSING_PURGE_DAYS.
    const { purgeMissing } = await import('@/lib/library/missing-and-duplicates');
    expect(await purgeMissing(lib, new Date(Date.now() - 24 * 3600 * 1000))).toEqual({ items: 0, episodes: 0, files: 0 });
    const purged = await api('DELETE', `/api/v1/library/${lib}/missing`, { token });
    expect(purged.body).toEqual({ items: 1, episodes: 0, files: 2 });
    expect((await api('GET', `/api/v1/media/${item.id}`, { token })).status).toBe(404);
  });
});

describe('entries without files', () => {
  it('adds a season and an episode by API; they are missing until a file arrives', async () => {
    const root = await copySampleLibrary();
    const lib = await addLibrary(join(root, 'TV'), 'tv');
    await scan(lib);
    const show = (await api('GET', `/api/v1/library/${lib}/media`, { token })).body.items[0];
    const season = await api('POST', `/api/v1/tv/${show.id}/season`, { token, body: { number: 3 } });
    expect(season.status).toBe(201);
    expect((await api('POST', `/api/v1/tv/${show.id}/season`, { token, body: { number: 3 } })).status).toBe(409);
    const ep = await api('POST', `/api/v1/season/${season.body.id}/episode`, { token, body: { number: 1, title: 'Pilot Again', air_date: '2026-01-02' } });
    expect(ep.status).toBe(201);
    expect((await api('GET', `/api/v1/episode/${ep.body.id}`, { token })).body).toMatchObject({ title: 'Pilot Again', status: 'missing', air_date: '2026-01-02' });

    mkdirSync(join(root, 'TV/Test Card Show/Season 03'));
    copyFileSync(EP(root, 1, 1), join(root, 'TV/Test Card Show/Season 03/Test Card Show - S03E01.mkv'));
    await scan(lib);
    expect((await api('GET', `/api/v1/episode/${ep.body.id}`, { token })).body).toMatchObject({ title: 'Pilot Again', status: 'ok' });
  });
});
