// The tracking raw reads and writeWatchState against a real database (SQLite, and PostgreSQL with
// TEST_DB=postgres): each read's output asserted on data seeded here.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { setEpisodeWatched, setMediaWatched } from '../watched';
import { inWatchTransaction } from '../write-watch-state';
import { calendar } from './calendar';
import { continueWatching } from './continue-watching';
import { followedCount } from './followed-count';
import { recentlyAdded } from './recently-added';
import { rebuildShowWatch } from './rewrite-show-watch';
import { showProgress } from './show-progress';

let userId: string;
let showId: string;
let movieId: string;
const ep: string[] = [];

beforeAll(async () => {
  userId = (await db.user.create({ data: { username: 'reads-tracker', passwordHash: 'x' } })).id;
  const lib = await db.library.create({ data: { name: 'Reads', type: 'tv', folders: { create: [{ path: '/reads/mixed' }] } } });
  const item = (kind: 'movie' | 'show', title: string, addedAt: Date, status: 'ok' | 'missing' = 'ok') =>
    db.mediaItem.create({ data: { libraryId: lib.id, kind, identityKey: `${kind}:${title}`, title, sortTitle: title.toLowerCase(), addedAt, status, posterPath: `${title}.jpg` } });
  showId = (await item('show', 'Show', new Date('2026-01-01T00:00:00Z'))).id;
  movieId = (await item('movie', 'Movie', new Date('2026-01-03T00:00:00Z'))).id;
  await item('movie', 'Gone', new Date('2026-01-05T00:00:00Z'), 'missing');
  const season = await db.season.create({ data: { showId, number: 1, title: 'Season 1' } });
  for (const [number, airDate] of [[1, '2026-02-01'], [2, '2026-02-08'], [3, '2099-01-01']] as const) {
    ep.push((await db.episode.create({ data: { showId, seasonId: season.id, seasonNumber: 1, number, title: `E${number}`, airDate } })).id);
  }
  const file = (path: string, duration: number, itemId: string | null) =>
    db.mediaFile.create({ data: { libraryId: lib.id, path, size: 1n, mtimeMs: 1n, itemId, mediaInfo: { duration } } });
  await file('/reads/mixed/movie.mkv', 1000, movieId);
  const epFile = await file('/reads/mixed/s01e02.mkv', 400, null);
  await db.episodeFile.create({ data: { fileId: epFile.id, episodeId: ep[1] } });
  await db.follow.create({ data: { userId, showId } });
});

describe('tracking reads', () => {
  it('followedCount counts the follows', async () => {
    expect(await followedCount(userId)).toBe(1);
    expect(await followedCount('nobody')).toBe(0);
  });

  it('calendar lists followed episodes airing in the range, with their show', async () => {
    expect(await calendar(userId, '2026-02-01', '2026-02-07')).toEqual([
      { id: ep[0], show_id: showId, show_title: 'Show', season_number: 1, number: 1, title: 'E1', air_date: '2026-02-01', thumb_url: null },
    ]);
    expect(await calendar(userId, '2030-01-01', '2030-12-31')).toEqual([]);
  });

  it('recentlyAdded lists present items, newest first', async () => {
    expect(await recentlyAdded(5)).toEqual([
      { id: movieId, kind: 'movie', title: 'Movie', poster_url: '/api/v1/image/Movie.jpg' },
      { id: showId, kind: 'show', title: 'Show', poster_url: '/api/v1/image/Show.jpg' },
    ]);
  });

  it('continueWatching lists resume points with durations, newest first', async () => {
    await db.watchState.create({ data: { userId, itemId: movieId, positionSecs: 250, updatedAt: new Date('2026-03-01T00:00:00Z') } });
    await db.watchState.create({ data: { userId, episodeId: ep[1], positionSecs: 100 } });
    const list = await continueWatching(userId);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ kind: 'episode', id: ep[1], title: 'Show', position_secs: 100, duration: 400, progress: 0.25, poster_url: '/api/v1/image/Show.jpg' });
    expect(list[0].episode).toMatchObject({ id: ep[1], number: 2, season_number: 1 });
    expect(list[1]).toEqual({
      kind: 'movie', id: movieId, title: 'Movie', episode: null, poster_url: '/api/v1/image/Movie.jpg',
      position_secs: 250, duration: 1000, progress: 0.25, updated_at: expect.any(String),
    });
    await db.watchState.deleteMany({ where: { userId } });
  });

  it('showProgress counts watched and aired episodes and finds the next one, from ShowWatch', async () => {
    const [before] = await showProgress(userId, { followed: true });
    expect(before).toMatchObject({ id: showId, title: 'Show', watched: 0, aired: 2, last: null, next: { id: ep[0], number: 1 } });
    expect(before.followedAt).toBeInstanceOf(Date);
    await setEpisodeWatched(userId, ep[0], true);
    const [after] = await showProgress(userId, { recent: 5 });
    expect(after).toMatchObject({ id: showId, watched: 1, aired: 2, next: { id: ep[1], number: 2, airDate: '2026-02-08' } });
    expect(after.last).toBeInstanceOf(Date);
    expect(await db.showWatch.findMany({ where: { userId }, select: { watched: true, lastSeason: true, lastNumber: true } })).toEqual([{ watched: 1, lastSeason: 1, lastNumber: 1 }]);
    await setMediaWatched(userId, showId, false);
    expect(await db.showWatch.count({ where: { userId } })).toBe(0);
  });
});

describe('writeWatchState', () => {
  it('rewrites ShowWatch in the same transaction as the write, and not at all when the write fails', async () => {
    const rows = () => db.showWatch.findMany({ where: { userId }, select: { showId: true, watched: true } });
    await db.watchState.deleteMany({ where: { userId } });
    await inWatchTransaction({ userId, showIds: [showId] }, (tx) => tx.watchState.create({ data: { userId, episodeId: ep[0], watched: true, lastWatchedAt: new Date() } }));
    expect(await rows()).toEqual([{ showId, watched: 1 }]);
    await expect(
      inWatchTransaction({ userId, showIds: [showId] }, async (tx) => {
        await tx.watchState.create({ data: { userId, episodeId: ep[1], watched: true } });
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await rows()).toEqual([{ showId, watched: 1 }]);
    expect(await db.watchState.count({ where: { userId, episodeId: ep[1] } })).toBe(0);
    // The incremental rewrite and the full rebuild agree.
    const kept = await db.showWatch.findMany({ orderBy: [{ userId: 'asc' }, { showId: 'asc' }] });
    await rebuildShowWatch();
    expect(await db.showWatch.findMany({ orderBy: [{ userId: 'asc' }, { showId: 'asc' }] })).toEqual(kept);
  });
});
