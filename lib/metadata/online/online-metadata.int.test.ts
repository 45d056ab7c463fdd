// Online metadata end to end against a fake TMDB: the sample library is scanned and matched, gets
// artwork, episode data and cast; the match is explained; a fixed match survives a full rescan;
// NFO and locks beat the provider; an ambiguous title waits in the unmatched list; the catalog
// finds and follows a show in no library.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { parseImageKey } from '@/lib/media/image-key';
import { imagesDir, variantPath } from '@/lib/media/image-variants';
import type { JobContext } from '@/lib/jobs/define-job';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { useFakeTmdb, withoutTmdb } from '@/test/fakes/tmdb-env';
import { FAKE_TMDB_IDS, startFakeTmdb } from '@/test/fakes/tmdb-server';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { localMetadataJob } from '../local-metadata-job';

type Fake = Awaited<ReturnType<typeof startFakeTmdb>>;
let fake: Fake;
let admin: string;
const ctx = (): JobContext => ({ jobId: 'test', signal: new AbortController().signal, progress: async () => undefined });

async function addLibrary(path: string, type: 'movies' | 'tv') {
  const res = await api('POST', '/api/v1/library', { token: admin, body: { name: `${type} ${path}`, path, type } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Scans a library and runs the metadata job for every item it touched; returns their ids. */
async function scanAndEnrich(libraryId: string, force = false): Promise<string[]> {
  const scanned = await scanLibrary(libraryId, { force }, await realScanDeps());
  for (const itemId of scanned.touched_item_ids) await localMetadataJob.handle({ itemId }, ctx());
  return scanned.touched_item_ids;
}

beforeAll(async () => {
  fake = await startFakeTmdb();
  useFakeTmdb(fake);
  admin = (await signUp('onlineadmin')).token;
  await api('PATCH', '/api/v1/admin/settings', { token: admin, body: { registration: 'open' } });
});
afterAll(async () => {
  removeTestMedia();
  await fake.close();
});

describe('online metadata from TMDB', () => {
  it('matches the sample library, with artwork, episodes and cast, and explains the match', async () => {
    const root = await copySampleLibrary();
    const [movieId] = await scanAndEnrich(await addLibrary(join(root, 'Movies'), 'movies'));
    const movie = (await api('GET', `/api/v1/media/${movieId}`, { token: admin })).body;
    // TMDB's vote_average for the movie (the fake answers 7.1, with 412 votes).
    expect(movie).toMatchObject({ title: 'Big Test Pattern', year: 2024, rating: 7.1 });
    expect(movie.overview).toBeTruthy();
    expect(movie.poster_url).toBeTruthy();
    expect(movie.backdrop_url).toBeTruthy();
    // The poster is TMDB's (a frame grab would be 16:9): our own WebP variants, served by our image route.
    const poster = await api('GET', movie.poster_url, { token: admin });
    expect(poster.status).toBe(200);
    const key = parseImageKey((await db.mediaItem.findUniqueOrThrow({ where: { id: movieId } })).posterPath!)!;
    const stored = await sharp(join(imagesDir(), variantPath(key.hash, key.widths[0]))).metadata();
    expect(stored.height!).toBeGreaterThan(stored.width!);
    expect(fake.calls.byRoute.get('/t/p/:size/:file')).toBeGreaterThan(0);

    const match = (await api('GET', `/api/v1/media/${movieId}/match`, { token: admin })).body;
    expect(match).toMatchObject({ status: 'matched', provider: 'tmdb', method: 'search', parsed: { title: 'Big Test Pattern', year: 2024 }, ids: { tmdb: String(FAKE_TMDB_IDS.bigTestPattern), imdb: 'tt0610001' } });
    expect(match.candidates[0]).toMatchObject({ id: String(FAKE_TMDB_IDS.bigTestPattern), score: 1 });
    expect(match.candidates.length).toBeGreaterThan(1);

    const credits = (await api('GET', `/api/v1/media/${movieId}/credits`, { token: admin })).body;
    expect(credits.cast.map((c: { name: string }) => c.name)).toHaveLength(3);
    expect(credits.cast[0].character).toBeTruthy();
    expect(credits.cast.every((c: { profile_url: string | null }) => c.profile_url)).toBe(true);
    expect(credits.crew.map((c: { job: string }) => c.job)).toContain('Director');

    const [showId] = await scanAndEnrich(await addLibrary(join(root, 'TV'), 'tv'));
    const show = (await api('GET', `/api/v1/tv/${showId}`, { token: admin })).body;
    expect(show).toMatchObject({ title: 'Test Card Show', year: 2023, rating: 7.8 });
    expect((await api('GET', `/api/v1/media/${showId}/match`, { token: admin })).body.ids).toMatchObject({ tmdb: String(FAKE_TMDB_IDS.testCardShow), tvdb: '810001' });
    const seasons = (await api('GET', `/api/v1/tv/${showId}/season`, { token: admin })).body;
    const s1 = (await api('GET', `/api/v1/season/${seasons.find((s: { number: number }) => s.number === 1).id}/episode`, { token: admin })).body;
    expect(s1.map((e: { title: string }) => e.title)).toEqual(['Pilot', 'Colour Bars']);
    expect(s1[0].air_date).toBe('2023-09-14');
    expect(s1[0].thumb_url).toBeTruthy();
  });

  it('edits every field of a season, and keeps the edits through a forced rescan and a refresh', async () => {
    const root = await copySampleLibrary();
    const lib = await addLibrary(join(root, 'TV'), 'tv');
    const [showId] = await scanAndEnrich(lib);
    type SeasonView = { id: string; number: number; title: string; overview: string | null; poster_path: string | null; locked_fields: string[]; episode_count: number };
    const seasonsOf = async () => ((await api('GET', `/api/v1/tv/${showId}/season`, { token: admin })).body as SeasonView[]).map((s) => s);
    const [one, two] = await seasonsOf();
    // TMDB's season overview arrives with the refresh.
    expect(one).toMatchObject({ number: 1, overview: 'The station opens its doors.', locked_fields: [] });
    expect(two.poster_path).toBeTruthy();
    expect(two.poster_path).not.toBe(one.poster_path);
    const episodesBefore = (await api('GET', `/api/v1/season/${two.id}`, { token: admin })).body.episodes.map((e: { id: string }) => e.id);

    const edited = await api('PATCH', `/api/v1/season/${one.id}`, {
      token: admin,
      body: { title: 'Opening Night', overview: 'Mine.', poster: `/api/v1/image/${two.poster_path}` },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Opening Night', overview: 'Mine.', poster_path: two.poster_path, locked_fields: ['overview', 'poster', 'title'] });
    // Season 1 is taken: 409 in our error shape; season 2 becomes season 7, its episodes with it.
    const clash = await api('PATCH', `/api/v1/season/${two.id}`, { token: admin, body: { number: 1 } });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('season 1') });
    const moved = await api('PATCH', `/api/v1/season/${two.id}`, { token: admin, body: { number: 7 } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ number: 7, locked_fields: ['number'] });
    expect(moved.body.episodes.map((e: { season_number: number }) => e.season_number)).toEqual([7, 7]);

    // The files still say S02: a forced rescan (every file re-placed) and a refresh change nothing edited.
    await scanAndEnrich(lib, true);
    await localMetadataJob.handle({ itemId: showId }, ctx());
    const after = await seasonsOf();
    expect(after.map((s) => [s.id, s.number, s.episode_count])).toEqual([
      [one.id, 1, 2],
      [two.id, 7, 2],
    ]);
    expect(after[0]).toMatchObject({ title: 'Opening Night', overview: 'Mine.', poster_path: two.poster_path });
    const seven = (await api('GET', `/api/v1/season/${two.id}`, { token: admin })).body;
    expect(seven.episodes.map((e: { id: string; season_number: number; files: unknown[] }) => [e.id, e.season_number, e.files.length])).toEqual(
      episodesBefore.map((id: string) => [id, 7, 1]),
    );
    // Back to its own number: nothing left to remember.
    expect((await api('PATCH', `/api/v1/season/${two.id}`, { token: admin, body: { number: 2 } })).body.number).toBe(2);
    expect((await db.season.findUniqueOrThrow({ where: { id: two.id } })).fileNumber).toBeNull();

    const bad = async (body: object) => (await api('PATCH', `/api/v1/season/${one.id}`, { token: admin, body })).status;
    expect(await bad({})).toBe(400);
    expect(await bad({ poster: 'not-a-key' })).toBe(400);
    expect(await bad({ poster: `${'0'.repeat(32)}-200` })).toBe(400);
    expect(await bad({ number: -1 })).toBe(400);
    expect(await bad({ episode_count: 3 })).toBe(400);
    expect((await api('PATCH', `/api/v1/season/${one.id}`, { token: admin, body: { poster: null } })).body.poster_path).toBeNull();
  });

  it('keeps a fixed match through a full rescan', async () => {
    const root = await copySampleLibrary();
    const lib = await addLibrary(join(root, 'Movies'), 'movies');
    const [id] = await scanAndEnrich(lib);
    const fixed = await api('PATCH', `/api/v1/media/${id}`, { token: admin, body: { provider: 'tmdb', provider_id: String(FAKE_TMDB_IDS.theBigTest) } });
    expect(fixed.status).toBe(200);
    await localMetadataJob.handle({ itemId: id }, ctx());
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin })).body.title).toBe('The Big Test');
    // A forced rescan re-probes everything and re-runs metadata: the fix stays.
    await scanAndEnrich(lib, true);
    await localMetadataJob.handle({ itemId: id }, ctx());
    const match = (await api('GET', `/api/v1/media/${id}/match`, { token: admin })).body;
    expect(match).toMatchObject({ status: 'manual', method: 'manual', ids: { tmdb: String(FAKE_TMDB_IDS.theBigTest) } });
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin })).body.title).toBe('The Big Test');
    // Bad fixes are refused.
    expect((await api('PATCH', `/api/v1/media/${id}`, { token: admin, body: { provider: 'tmdb', provider_id: '999999' } })).status).toBe(404);
    expect((await api('PATCH', `/api/v1/media/${id}`, { token: admin, body: { provider_id: '1' } })).status).toBe(400);
  });

  it('lets the NFO and locked fields win over TMDB', async () => {
    const root = await copySampleLibrary();
    writeFileSync(join(root, 'Movies/Big Test Pattern (2024)/movie.nfo'), '<?xml version="1.0"?>\n<movie><title>My Own Title</title></movie>');
    const [id] = await scanAndEnrich(await addLibrary(join(root, 'Movies'), 'movies'));
    let item = (await api('GET', `/api/v1/media/${id}`, { token: admin })).body;
    expect(item.title).toBe('My Own Title');
    expect(item.overview).toBeTruthy(); // the NFO has none: TMDB's
    expect(item.rating).toBe(7.1);
    await api('PATCH', `/api/v1/media/${id}`, { token: admin, body: { overview: 'Mine.', rating: 4.5 } });
    await localMetadataJob.handle({ itemId: id }, ctx());
    item = (await api('GET', `/api/v1/media/${id}`, { token: admin })).body;
    expect(item).toMatchObject({ title: 'My Own Title', overview: 'Mine.', rating: 4.5 });
    expect(item.locked_fields).toEqual(expect.arrayContaining(['overview', 'rating']));
    expect((await api('PATCH', `/api/v1/media/${id}`, { token: admin, body: { rating: 11 } })).status).toBe(400);
  });

  it('puts an ambiguous title in the unmatched list, with its candidates', async () => {
    const root = await copySampleLibrary();
    const src = join(root, 'Movies/Big Test Pattern (2024)');
    const dest = join(root, 'Undated/Big Test Pattern');
    mkdirSync(dest, { recursive: true });
    cpSync(join(src, 'Big Test Pattern (2024).mp4'), join(dest, 'Big Test Pattern.mp4'));
    const [id] = await scanAndEnrich(await addLibrary(join(root, 'Undated'), 'movies'));
    const match = (await api('GET', `/api/v1/media/${id}/match`, { token: admin })).body;
    expect(match.status).toBe('unmatched');
    expect(match.reason).toMatch(/ambiguous/);
    expect(match.candidates.slice(0, 2).map((c: { year: number }) => c.year).sort()).toEqual([1998, 2024]);
    const list = (await api('GET', '/api/v1/media/unmatched', { token: admin })).body;
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await api('PATCH', `/api/v1/media/${id}`, { token: admin, body: { provider: 'tmdb', provider_id: String(FAKE_TMDB_IDS.bigTestPattern1998) } })).status).toBe(200);
    expect((await api('GET', '/api/v1/media/unmatched', { token: admin })).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('finds shows in no library and follows one, with its episodes, from the catalog', async () => {
    const user = await signUp('catalog');
    const found = await api('GET', '/api/v1/catalog/search?q=test%20card&type=show', { token: user.token });
    expect(found.status).toBe(200);
    const testCard = found.body.find((r: { provider_id: string }) => r.provider_id === String(FAKE_TMDB_IDS.testCard));
    expect(testCard).toMatchObject({ title: 'Test Card', year: 2010, media_id: null });
    const followed = await api('POST', '/api/v1/catalog/follow', { token: user.token, body: { provider: 'tmdb', provider_id: String(FAKE_TMDB_IDS.testCard) } });
    expect(followed.status).toBe(201);
    expect(followed.body.created).toBe(true);
    await localMetadataJob.handle({ itemId: followed.body.id }, ctx());
    const shows = (await api('GET', '/api/v1/tracking/shows', { token: user.token })).body;
    expect(shows.find((s: { id: string }) => s.id === followed.body.id)).toMatchObject({ title: 'Test Card', aired: 1, watched: 0 });
    // Following it again finds the same item.
    const again = await api('POST', '/api/v1/catalog/follow', { token: admin, body: { provider: 'tmdb', provider_id: String(FAKE_TMDB_IDS.testCard) } });
    expect(again.body).toEqual({ id: followed.body.id, created: false });
  });

  it('says so when no provider is configured', async () => {
    withoutTmdb();
    const res = await api('GET', '/api/v1/catalog/search?q=anything', { token: admin });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('provider_unavailable');
    useFakeTmdb(fake);
  });
});
