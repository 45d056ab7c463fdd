// Local metadata on the generated sample library and a real database: NFO sidecars, local artwork,
// frame grabs with real ffmpeg, WebP variants with sharp, the image route, locks, idempotence,
// and the pipeline (scan → metadata.local, fetch_metadata → metadata.library → metadata.local).
import { mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { JobContext } from '@/lib/jobs/define-job';
import { queueFollowUps } from '@/lib/jobs/follow-ups';
import { jobQueue } from '@/lib/jobs/job-queue';
import { createRegistry } from '@/lib/jobs/registry';
import { parseImageKey } from '@/lib/media/image-key';
import { imagesDir, variantPath } from '@/lib/media/image-variants';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps, scanLibraryJob } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { jobDefinitions, jobPipeline } from '@/scanner-worker/jobs';
import { libraryMetadataJob } from './library-metadata-job';
import { applyLocalMetadata, type LocalMetadataDeps } from './local-metadata';
import { localMetadataJob, realLocalMetadataDeps } from './local-metadata-job';
import { sourceHash } from './store-artwork';

let token: string;
const MOVIE_DIR = (root: string) => join(root, 'Movies/Big Test Pattern (2024)');
const SHOW_DIR = (root: string) => join(root, 'TV/Test Card Show');
const ctx = (): JobContext => ({ jobId: 'test', signal: new AbortController().signal, progress: async () => undefined });

async function addLibrary(path: string, type: 'movies' | 'tv') {
  const res = await api('POST', '/api/v1/library', { token, body: { name: `${type} ${path}`, path, type } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function scan(libraryId: string) {
  return scanLibrary(libraryId, {}, await realScanDeps());
}

/** The real deps, counting frame grabs. */
async function countingDeps(): Promise<{ deps: LocalMetadataDeps; grabs: () => number }> {
  const real = await realLocalMetadataDeps();
  let grabs = 0;
  return {
    deps: {
      ...real,
      grabFrame: (...args) => {
        grabs++;
        return real.grabFrame(...args);
      },
    },
    grabs: () => grabs,
  };
}

const jpeg = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 3, background } }).jpeg().toBuffer();

function storedVariant(key: string, width: number): string {
  return join(imagesDir(), variantPath(parseImageKey(key)!.hash, width));
}

beforeAll(async () => {
  token = (await signUp('metaadmin')).token;
});
afterAll(() => removeTestMedia());

describe('a movie with movie.nfo and poster.jpg', () => {
  it('takes title, plot and ids from the NFO, the poster from poster.jpg, and serves it as WebP', async () => {
    const root = await copySampleLibrary();
    writeFileSync(
      join(MOVIE_DIR(root), 'movie.nfo'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<movie><title>The Big Test Pattern</title><plot>Bars &amp; tones, for ten seconds.</plot><uniqueid type="tmdb" default="true">12345</uniqueid></movie>',
    );
    writeFileSync(join(MOVIE_DIR(root), 'poster.jpg'), await jpeg(600, 900, '#c0392b'));
    const lib = await addLibrary(join(root, 'Movies'), 'movies');
    const scanned = await scan(lib);
    expect(scanned.touched_item_ids).toHaveLength(1);
    const itemId = scanned.touched_item_ids[0];

    const result = await localMetadataJob.handle({ itemId }, ctx());
    expect(result).toMatchObject({ found: true, nfo_files: 1, rows_updated: 1 });
    const item = await db.mediaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ title: 'The Big Test Pattern', sortTitle: 'big test pattern', overview: 'Bars & tones, for ten seconds.', tmdbId: '12345', year: 2024 });
    // Poster from poster.jpg (600 wide: 200, 400 and its own width); backdrop from a frame (no fanart).
    expect(parseImageKey(item.posterPath!)).toEqual({ hash: await sourceHash({ type: 'file', path: join(MOVIE_DIR(root), 'poster.jpg') }, await realLocalMetadataDeps()), widths: [200, 400, 600] });
    expect(parseImageKey(item.backdropPath!)!.widths).toEqual([640]);
    const stored = await sharp(readFileSync(storedVariant(item.posterPath!, 400))).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 400, height: 600 });

    const view = await api('GET', `/api/v1/media/${itemId}`, { token });
    expect(view.body).toMatchObject({ poster_path: item.posterPath, poster_url: `/api/v1/image/${item.posterPath}`, backdrop_url: `/api/v1/image/${item.backdropPath}` });

    // The image route: the narrowest stored width at least as wide as asked, cached for a year.
    const image = await api('GET', `${view.body.poster_url}?w=300`, { token });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(image.headers.get('content-length')).toBe(String(readFileSync(storedVariant(item.posterPath!, 400)).length));
    const etag = image.headers.get('etag')!;
    expect(etag).toBe(`"${parseImageKey(item.posterPath!)!.hash}-400"`);
    expect((await api('GET', `${view.body.poster_url}?w=300`, { token, headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await api('GET', `${view.body.poster_url}?w=2000`, { token })).headers.get('etag')).toBe(`"${parseImageKey(item.posterPath!)!.hash}-600"`);
    expect((await api('GET', view.body.poster_url)).status).toBe(401);
    for (const bad of [`${item.posterPath}-9`, 'etc-passwd', `${'0'.repeat(32)}-200`, '..%2F..%2Fauth-secret']) {
      expect((await api('GET', `/api/v1/image/${bad}`, { token })).status, bad).toBe(404);
    }
    expect((await api('GET', `${view.body.poster_url}?w=abc`, { token })).status).toBe(400);
  });
});

describe('a show without artwork', () => {
  it('gets frame grabs for the show and each episode, episode NFOs, season posters; keeps locks; a second run grabs nothing', async () => {
    const root = await copySampleLibrary();
    const lib = await addLibrary(join(root, 'TV'), 'tv');
    const scanned = await scan(lib);
    expect(scanned.touched_item_ids).toHaveLength(1);
    const showId = scanned.touched_item_ids[0];

    // A user renamed the show (title locked); then a tvshow.nfo, an episode NFO and a season poster appear.
    expect((await api('PATCH', `/api/v1/media/${showId}`, { token, body: { title: 'My Test Cards' } })).status).toBe(200);
    writeFileSync(join(SHOW_DIR(root), 'tvshow.nfo'), '<tvshow><title>Test Card Show (NFO)</title><plot>Colour bars.</plot><uniqueid type="tvdb">777</uniqueid></tvshow>');
    writeFileSync(
      join(SHOW_DIR(root), 'Season 01', 'Test Card Show - S01E01.nfo'),
      '<episodedetails><title>Pilot</title><plot>It begins.</plot><aired>2024-01-05</aired><season>1</season><episode>1</episode></episodedetails>',
    );
    writeFileSync(join(SHOW_DIR(root), 'season01-poster.jpg'), await jpeg(400, 600, '#2980b9'));

    const first = await countingDeps();
    const result = await applyLocalMetadata(showId, first.deps);
    // One grab per episode; the show's own fallback is S01E01's frame, grabbed once.
    expect(first.grabs()).toBe(4);
    expect(result.images.failures).toEqual([]);

    const show = await db.mediaItem.findUniqueOrThrow({ where: { id: showId } });
    expect(show).toMatchObject({ title: 'My Test Cards', overview: 'Colour bars.', tvdbId: '777' });
    expect(parseImageKey(show.posterPath!)!.widths).toEqual([200, 400, 640]);
    expect(parseImageKey(show.backdropPath!)!.widths).toEqual([640]);
    const episodes = await db.episode.findMany({ where: { showId }, orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }] });
    expect(episodes.map((e) => e.thumbPath && parseImageKey(e.thumbPath)!.widths)).toEqual([[320, 640], [320, 640], [320, 640], [320, 640]]);
    expect(new Set(episodes.map((e) => e.thumbPath)).size).toBe(4);
    expect(parseImageKey(episodes[0].thumbPath!)!.hash).toBe(parseImageKey(show.posterPath!)!.hash);
    expect(episodes[0]).toMatchObject({ title: 'Pilot', overview: 'It begins.', airDate: '2024-01-05' });
    expect(episodes[1].title).toBeNull();
    const frame = await sharp(readFileSync(storedVariant(episodes[2].thumbPath!, 320))).metadata();
    expect(frame).toMatchObject({ format: 'webp', width: 320, height: 180 });

    const seasons = await api('GET', `/api/v1/tv/${showId}/season`, { token });
    expect(seasons.body.map((s: { number: number; poster_url: string | null }) => [s.number, Boolean(s.poster_url)])).toEqual([
      [1, true],
      [2, false],
    ]);
    const season1 = await api('GET', `/api/v1/season/${seasons.body[0].id}`, { token });
    expect(season1.body.episodes[0]).toMatchObject({ title: 'Pilot', thumb_path: episodes[0].thumbPath, thumb_url: `/api/v1/image/${episodes[0].thumbPath}` });
    const thumb = await api('GET', `${season1.body.episodes[0].thumb_url}?w=320`, { token });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');

    // Nothing changed: no ffmpeg, no writes.
    const second = await countingDeps();
    const again = await applyLocalMetadata(showId, second.deps);
    expect(second.grabs()).toBe(0);
    expect(again).toMatchObject({ rows_updated: 0, images: { made: 0, frames: 0 } });
    expect((await db.mediaItem.findUniqueOrThrow({ where: { id: showId } })).posterPath).toBe(show.posterPath);

    // An episode file replaced: only its thumb is grabbed again.
    const ep = join(SHOW_DIR(root), 'Season 02', 'Test Card Show - S02E02.mkv');
    writeFileSync(ep, readFileSync(join(SHOW_DIR(root), 'Season 02', 'Test Card Show - S02E01.mkv')));
    expect((await scan(lib)).touched_item_ids).toEqual([showId]);
    const third = await countingDeps();
    await applyLocalMetadata(showId, third.deps);
    expect(third.grabs()).toBe(1);
  });
});

describe('the pipeline', () => {
  it('a scan queues metadata.local for the items it touched; fetch_metadata queues every item', async () => {
    const root = await copySampleLibrary();
    const movies = await addLibrary(join(root, 'Movies'), 'movies');
    const scanned = await scanLibraryJob.handle({ libraryId: movies, force: false }, ctx());
    const step = createRegistry(jobDefinitions, jobPipeline).followUpsOf('scan.library')!;
    const summary = (await queueFollowUps(jobQueue(), step, scanned)) as Record<string, unknown>;
    expect(summary).toMatchObject({ items_created: 1, metadata_queued: 1 });
    expect(summary).not.toHaveProperty('touched_item_ids');
    const movieId = (await db.mediaItem.findFirstOrThrow({ where: { libraryId: movies } })).id;
    const queued = async () => (await jobQueue().list({ name: 'metadata.local', status: 'queued', limit: 500 })).map((j) => (j.payload as { itemId: string }).itemId);
    expect(await queued()).toContain(movieId);
    expect(await scan(movies)).toMatchObject({ unchanged: 1, touched_item_ids: [] });

    const tv = await addLibrary(join(root, 'TV'), 'tv');
    await scan(tv); // directly: nothing queued
    const showId = (await db.mediaItem.findFirstOrThrow({ where: { libraryId: tv } })).id;
    expect(await queued()).not.toContain(showId);
    const run = await api('POST', `/api/v1/library/${tv}/run`, { token, body: { flag: 'fetch_metadata' } });
    expect(run.status).toBe(202);
    const job = await jobQueue().get(run.body.job_id);
    expect(job).toMatchObject({ name: 'metadata.library', payload: { libraryId: tv } });
    expect(await libraryMetadataJob.handle({ libraryId: tv }, ctx())).toEqual({ items: 1, queued: 1 });
    expect(await queued()).toContain(showId);
  });
});

describe('artwork and NFOs that resolve outside the library (issue 14)', () => {
  // What the poster's hash would be if the file at `path` were read, following symlinks.
  const followedHash = (path: string) => sourceHash({ type: 'file', path }, { stat: async (p) => stat(p).then((s) => ({ size: s.size, mtimeMs: s.mtimeMs })) });

  it('reads a symlinked poster.jpg and movie.nfo that stay inside the library, and not ones pointing outside it', async () => {
    const root = await copySampleLibrary();
    const movies = join(root, 'Movies');
    const outside = join(root, '..', 'outside');
    const inside = join(movies, 'Shared Art');
    for (const dir of [outside, inside]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'poster.jpg'), await jpeg(600, 900, dir === outside ? '#000000' : '#2980b9'));
      writeFileSync(join(dir, 'movie.nfo'), `<?xml version="1.0" encoding="UTF-8"?>\n<movie><title>${dir === outside ? 'Leaked' : 'Linked'} Title</title></movie>`);
    }
    const lib = await addLibrary(movies, 'movies');
    const itemId = (await scan(lib)).touched_item_ids[0];
    const poster = join(MOVIE_DIR(root), 'poster.jpg');
    const nfo = join(MOVIE_DIR(root), 'movie.nfo');

    // Pointing outside: as good as absent — the title stays the file's, the poster is a frame.
    symlinkSync(join(outside, 'poster.jpg'), poster);
    symlinkSync(join(outside, 'movie.nfo'), nfo);
    expect(await localMetadataJob.handle({ itemId }, ctx())).toMatchObject({ nfo_files: 0 });
    const refused = await db.mediaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(refused.title).toBe('Big Test Pattern');
    expect(refused.posterPath).not.toBeNull();
    expect(parseImageKey(refused.posterPath!)!.hash).not.toBe(await followedHash(poster));

    // The same links pointing inside the library are read.
    for (const [link, target] of [[poster, 'poster.jpg'], [nfo, 'movie.nfo']]) {
      unlinkSync(link);
      symlinkSync(join(inside, target), link);
    }
    expect(await localMetadataJob.handle({ itemId }, ctx())).toMatchObject({ nfo_files: 1 });
    const read = await db.mediaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(read.title).toBe('Linked Title');
    expect(parseImageKey(read.posterPath!)!.hash).toBe(await followedHash(poster));
  });
});
