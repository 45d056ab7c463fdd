// Watch tracking on the sample library with the real scanner: the rules, the lists, isolation
// between users, and durability of watch state across renames, moves, upgrades, rescans and a
// library path change. Runs on SQLite and (TEST_DB=postgres) PostgreSQL.
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { rebuildShowWatch } from '@/lib/tracking/reads/rewrite-show-watch';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';

let alice: { token: string };
let bob: { token: string };
let root: string;
let tvLib: string;
let movieId: string;
let showId: string;
const ep: Record<string, string> = {};
const EP_FILE = (s: number, e: number) => join(root, 'TV/Test Card Show', `Season 0${s}`, `Test Card Show - S0${s}E0${e}.mkv`);

const as = (who: { token: string }) => ({
  get: (path: string) => api('GET', path, { token: who.token }),
  put: (path: string) => api('PUT', path, { token: who.token }),
  del: (path: string) => api('DELETE', path, { token: who.token }),
  post: (path: string, body: unknown) => api('POST', path, { token: who.token, body }),
});
const rescan = async (libraryId = tvLib, force = false) => scanLibrary(libraryId, { force }, await realScanDeps());

beforeAll(async () => {
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  root = await copySampleLibrary();
  const lib = async (name: string, type: string) => (await api('POST', '/api/v1/library', { token: alice.token, body: { name, path: join(root, name), type } })).body.id as string;
  const movies = await lib('Movies', 'movies');
  tvLib = await lib('TV', 'tv');
  await rescan(movies);
  await rescan(tvLib);
  movieId = (await db.mediaItem.findFirstOrThrow({ where: { kind: 'movie' } })).id;
  showId = (await db.mediaItem.findFirstOrThrow({ where: { kind: 'show' } })).id;
  for (const e of await db.episode.findMany()) ep[`${e.seasonNumber}x${e.number}`] = e.id;
}, 120_000);

afterAll(() => removeTestMedia());

describe('watched, follow and the lists', () => {
  it('marks episodes, seasons, shows and movies; next up and progress follow', async () => {
    const a = as(alice);
    expect((await a.put(`/api/v1/tv/${showId}/follow`)).body).toEqual({ following: true });
    let shows = (await a.get('/api/v1/tracking/shows')).body;
    expect(shows).toEqual([expect.objectContaining({ id: showId, watched: 0, aired: 4, next_episode: expect.objectContaining({ id: ep['1x1'] }) })]);

    expect((await a.put(`/api/v1/episode/${ep['1x1']}/watched`)).body).toEqual({ watched: true, count: 1 });
    expect((await a.get('/api/v1/tracking/next-up')).body).toEqual([expect.objectContaining({ show_id: showId, episode: expect.objectContaining({ id: ep['1x2'] }) })]);

    // A season at once: both of season 1 (the one already watched is not counted twice).
    const season1 = (await db.season.findFirstOrThrow({ where: { showId, number: 1 } })).id;
    expect((await a.put(`/api/v1/media/${season1}/watched`)).body).toEqual({ watched: true, count: 2 });
    shows = (await a.get('/api/v1/tracking/shows')).body;
    expect(shows[0]).toMatchObject({ watched: 2, aired: 4, next_episode: { id: ep['2x1'], season_number: 2, number: 1 } });
    expect((await db.watchState.findFirstOrThrow({ where: { episodeId: ep['1x1'] } })).playCount).toBe(1);

    // Undo one: it is next up again.
    await a.del(`/api/v1/episode/${ep['1x2']}/watched`);
    expect((await a.get('/api/v1/tracking/next-up')).body[0].episode.id).toBe(ep['1x2']);

    // Up to S02E01: every earlier episode too.
    expect((await a.put(`/api/v1/episode/${ep['2x1']}/watched-up-to`)).body).toEqual({ watched: true, count: 3 });
    expect((await a.get('/api/v1/tracking/shows')).body[0]).toMatchObject({ watched: 3, next_episode: { id: ep['2x2'] } });

    // The whole show, then none of it.
    expect((await a.put(`/api/v1/media/${showId}/watched`)).body.count).toBe(4);
    expect((await a.get('/api/v1/tracking/shows')).body[0]).toMatchObject({ watched: 4, next_episode: null });
    expect((await a.get('/api/v1/tracking/next-up')).body).toEqual([]);
    await a.del(`/api/v1/media/${showId}/watched`);
    expect((await a.get('/api/v1/tracking/shows')).body[0]).toMatchObject({ watched: 0 });

    // A movie, and its history row.
    await a.put(`/api/v1/media/${movieId}/watched`);
    await a.put(`/api/v1/episode/${ep['2x2']}/watched`);
    const hist = (await a.get('/api/v1/tracking/history?page=1&page_size=1')).body;
    // Unmarking took the show's plays out of the history: the episode and the movie are left.
    expect(hist).toMatchObject({ page: 1, page_size: 1, total: 2, items: [{ kind: 'episode', media_id: ep['2x2'], title: 'Test Card Show', episode: { season_number: 2, number: 2 } }] });
    expect((await a.get('/api/v1/tracking/history?page=2&page_size=1')).body.items).toEqual([expect.objectContaining({ kind: 'movie', media_id: movieId, title: 'Big Test Pattern', episode: null })]);
    await a.del(`/api/v1/episode/${ep['2x2']}/watched`);

    expect((await a.del(`/api/v1/tv/${showId}/follow`)).body).toEqual({ following: false });
    expect((await a.get('/api/v1/tracking/shows')).body).toEqual([]);
  });

  it('playing past 90 % marks an episode watched and moves next up on; a rewatch counts again', async () => {
    const a = as(alice);
    await a.del(`/api/v1/media/${showId}/watched`);
    await a.post(`/api/v1/user/stopped-at/${ep['1x1']}`, { secs_offset: 3 });
    const cont = (await a.get('/api/v1/tracking/continue')).body;
    expect(cont[0]).toMatchObject({ kind: 'episode', id: ep['1x1'], position_secs: 3, progress: expect.closeTo(0.5, 1) });
    await a.post(`/api/v1/user/stopped-at/${ep['1x1']}`, { secs_offset: 5.8 });
    expect((await a.get('/api/v1/tracking/next-up')).body[0].episode.id).toBe(ep['1x2']);
    expect((await a.get('/api/v1/tracking/continue')).body.find((c: { id: string }) => c.id === ep['1x1'])).toBeUndefined();
    await a.post(`/api/v1/user/stopped-at/${ep['1x1']}`, { secs_offset: 2 });
    await a.post(`/api/v1/user/stopped-at/${ep['1x1']}`, { secs_offset: 5.9 });
    expect((await a.get(`/api/v1/user/stopped-at/${ep['1x1']}`)).body).toMatchObject({ watched: true, play_count: 2 });
  });

  it('lists followed episodes airing in a date range; bad ranges are refused', async () => {
    const a = as(alice);
    await db.episode.update({ where: { id: ep['2x2'] }, data: { airDate: '2031-05-02' } });
    await a.put(`/api/v1/tv/${showId}/follow`);
    const cal = await a.get('/api/v1/tracking/calendar?from=2031-05-01&to=2031-05-31');
    expect(cal.body).toEqual([expect.objectContaining({ id: ep['2x2'], show_title: 'Test Card Show', air_date: '2031-05-02' })]);
    // Not aired yet: not in the aired count, never next up.
    expect((await a.get('/api/v1/tracking/shows')).body[0].aired).toBe(3);
    expect((await a.get('/api/v1/tracking/calendar?from=2031-06-01&to=2031-05-01')).status).toBe(400);
    expect((await a.get('/api/v1/tracking/calendar?from=soon&to=later')).status).toBe(400);
    expect((await a.get('/api/v1/tracking/calendar?from=2031-05-01&to=2031-05-31', )).status).toBe(200);
    await db.episode.update({ where: { id: ep['2x2'] }, data: { airDate: null } });
  });

  it('follows a show known only from metadata (no files) and lists its coming episodes', async () => {
    const a = as(alice);
    const created = await api('POST', `/api/v1/library/${tvLib}/show`, { token: alice.token, body: { title: 'Future Show', year: 2031, tvdb_id: '999' } });
    expect(created.status).toBe(201);
    const futureId = created.body.id as string;
    expect((await api('POST', `/api/v1/library/${tvLib}/show`, { token: alice.token, body: { title: 'Future Show', year: 2031 } })).status).toBe(409);
    expect((await api('POST', `/api/v1/library/${tvLib}/show`, { token: bob.token, body: { title: 'Nope' } })).status).toBe(403);
    const season = (await api('POST', `/api/v1/tv/${futureId}/season`, { token: alice.token, body: { number: 1 } })).body.id;
    await api('POST', `/api/v1/season/${season}/episode`, { token: alice.token, body: { number: 1, title: 'Pilot', air_date: '2031-03-03' } });
    await a.put(`/api/v1/tv/${futureId}/follow`);
    expect((await a.get('/api/v1/tracking/shows')).body.find((s: { id: string }) => s.id === futureId)).toMatchObject({ title: 'Future Show', aired: 0, watched: 0, next_episode: null });
    expect((await a.get('/api/v1/tracking/calendar?from=2031-03-01&to=2031-03-31')).body).toEqual([expect.objectContaining({ show_title: 'Future Show', title: 'Pilot' })]);
    await a.del(`/api/v1/tv/${futureId}/follow`);
  });

  it('answers 404 for what is not there, and 401 without credentials', async () => {
    const a = as(alice);
    expect((await a.put('/api/v1/episode/nope/watched')).status).toBe(404);
    expect((await a.put(`/api/v1/episode/${movieId}/watched`)).status).toBe(404);
    expect((await a.put('/api/v1/media/nope/watched')).status).toBe(404);
    expect((await a.put(`/api/v1/tv/${movieId}/follow`)).status).toBe(404);
    expect((await a.put('/api/v1/episode/nope/watched-up-to')).status).toBe(404);
    for (const path of ['/api/v1/tracking/shows', '/api/v1/tracking/continue', '/api/v1/tracking/next-up', '/api/v1/tracking/history']) {
      expect((await api('GET', path)).status).toBe(401);
    }
  });
});

describe('library filters', () => {
  it('filters a library by your watched, unwatched and in-progress items', async () => {
    const a = as(alice);
    const b = as(bob);
    await a.del(`/api/v1/media/${showId}/watched`);
    await a.del(`/api/v1/media/${movieId}/watched`);
    const movies = (await db.mediaItem.findFirstOrThrow({ where: { kind: 'movie' } })).libraryId;
    // Which of the sample show and movie a filter returns (other tests add shows without files).
    const list = async (who: typeof a, lib: string, f: string) =>
      ((await who.get(`/api/v1/library/${lib}/media?watched=${f}`)).body.items as { id: string }[]).map((i) => i.id).filter((id) => id === showId || id === movieId);
    expect(await list(a, tvLib, 'unwatched')).toEqual([showId]);
    expect(await list(a, tvLib, 'in_progress')).toEqual([]);
    await a.put(`/api/v1/episode/${ep['1x1']}/watched`);
    expect(await list(a, tvLib, 'in_progress')).toEqual([showId]);
    expect(await list(a, tvLib, 'unwatched')).toEqual([]);
    await a.put(`/api/v1/media/${showId}/watched`);
    expect(await list(a, tvLib, 'watched')).toEqual([showId]);
    expect(await list(a, tvLib, 'in_progress')).toEqual([]);
    await a.post(`/api/v1/user/stopped-at/${movieId}`, { secs_offset: 4 });
    expect(await list(a, movies, 'in_progress')).toEqual([movieId]);
    expect(await list(a, movies, 'watched')).toEqual([]);
    // Bob's filters know nothing of Alice's viewing.
    expect(await list(b, tvLib, 'unwatched')).toEqual([showId]);
    expect(await list(b, movies, 'in_progress')).toEqual([]);
    expect((await a.get(`/api/v1/library/${tvLib}/media?watched=maybe`)).status).toBe(400);
  });
});

/** Every tracking list of one user, and their resume point in the movie. */
async function everything(who: ReturnType<typeof as>) {
  return {
    shows: (await who.get('/api/v1/tracking/shows')).body,
    cont: (await who.get('/api/v1/tracking/continue')).body,
    next: (await who.get('/api/v1/tracking/next-up')).body,
    hist: (await who.get('/api/v1/tracking/history')).body,
    cal: (await who.get('/api/v1/tracking/calendar?from=2000-01-01&to=2100-01-01')).body,
    stop: (await who.get(`/api/v1/user/stopped-at/${movieId}`)).body,
  };
}

describe('isolation', () => {
  it('one user can neither read nor change another user’s state, through any tracking operation', async () => {
    const a = as(alice);
    const b = as(bob);
    await a.put(`/api/v1/tv/${showId}/follow`);
    await a.put(`/api/v1/media/${showId}/watched`);
    await a.post(`/api/v1/user/stopped-at/${movieId}`, { secs_offset: 4 });
    const before = await everything(a);
    // Bob sees none of it.
    expect((await b.get('/api/v1/tracking/shows')).body).toEqual([]);
    expect((await b.get('/api/v1/tracking/continue')).body).toEqual([]);
    expect((await b.get('/api/v1/tracking/next-up')).body).toEqual([]);
    expect((await b.get('/api/v1/tracking/history')).body).toMatchObject({ total: 0, items: [] });
    expect((await b.get('/api/v1/tracking/calendar?from=2000-01-01&to=2100-01-01')).body).toEqual([]);
    expect((await b.get(`/api/v1/user/stopped-at/${movieId}`)).body).toEqual({ secs_offset: 0, watched: false, play_count: 0 });
    // Everything Bob does changes only Bob's state.
    await b.put(`/api/v1/tv/${showId}/follow`);
    await b.del(`/api/v1/tv/${showId}/follow`);
    await b.del(`/api/v1/media/${showId}/watched`);
    await b.del(`/api/v1/episode/${ep['1x1']}/watched`);
    await b.put(`/api/v1/episode/${ep['2x2']}/watched-up-to`);
    await b.del(`/api/v1/media/${movieId}/watched`);
    await b.post(`/api/v1/user/stopped-at/${movieId}`, { secs_offset: 1 });
    await b.put(`/api/v1/media/${movieId}/watched`);
    expect(await everything(a)).toEqual(before);
    expect((await b.get('/api/v1/tracking/history')).body.total).toBe(5);
  });
});

describe('durability of watch state', () => {
  async function aliceState() {
    return {
      show: (await as(alice).get('/api/v1/tracking/shows')).body.find((s: { id: string }) => s.id === showId),
      e11: (await as(alice).get(`/api/v1/user/stopped-at/${ep['1x1']}`)).body,
      e12: (await as(alice).get(`/api/v1/user/stopped-at/${ep['1x2']}`)).body,
    };
  }

  it('survives a rename, a move, an upgrade, a full rescan and a library path change', async () => {
    const a = as(alice);
    await a.put(`/api/v1/tv/${showId}/follow`);
    await a.del(`/api/v1/media/${showId}/watched`);
    await a.put(`/api/v1/episode/${ep['1x1']}/watched`);
    await a.post(`/api/v1/user/stopped-at/${ep['1x2']}`, { secs_offset: 2.5 });
    const expected = await aliceState();
    expect(expected.e11.watched).toBe(true);
    expect(expected.e12.secs_offset).toBe(2.5);

    // Rename.
    const renamed = join(root, 'TV/Test Card Show/Season 01/Test.Card.Show.S01E01.720p.mkv');
    renameSync(EP_FILE(1, 1), renamed);
    await rescan();
    expect(await aliceState()).toEqual(expected);

    // Move into another folder of the library.
    const moved = join(root, 'TV/Test Card Show/Specials and more/Season 1/Test Card Show - S01E02.mkv');
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(EP_FILE(1, 2), moved);
    await rescan();
    expect(await aliceState()).toEqual(expected);

    // Upgrade: the episode's file replaced by a different file (another encode, another container).
    rmSync(renamed);
    copyFileSync(join(root, 'Movies/Big Test Pattern (2024)/Big Test Pattern (2024).mp4'), join(root, 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mp4'));
    await rescan();
    expect(await aliceState()).toEqual(expected);
    expect((await db.episode.findUniqueOrThrow({ where: { id: ep['1x1'] }, select: { status: true } })).status).toBe('ok');

    // A full rescan (every file probed again).
    await rescan(tvLib, true);
    expect(await aliceState()).toEqual(expected);

    // The library moves to a new path.
    const newRoot = join(root, '..', 'moved-tv');
    renameSync(join(root, 'TV'), newRoot);
    expect((await api('PATCH', `/api/v1/library/${tvLib}`, { token: alice.token, body: { path: newRoot } })).status).toBe(200);
    await rescan();
    expect(await aliceState()).toEqual(expected);
    expect(await db.episode.count({ where: { id: { in: Object.values(ep) } } })).toBe(4);
  });
});

describe('show progress rows (ShowWatch)', () => {
  it('follow marking, early viewings, episode deletion and purges, and always equal a full rebuild', async () => {
    const a = as(alice);
    const show = (await api('POST', `/api/v1/library/${tvLib}/show`, { token: alice.token, body: { title: 'Counting Show', year: 2020 } })).body.id as string;
    const season = (await api('POST', `/api/v1/tv/${show}/season`, { token: alice.token, body: { number: 1 } })).body.id as string;
    const e: string[] = [];
    for (const [number, air_date] of [[1, '2020-01-01'], [2, '2020-01-08'], [3, '2020-01-15'], [4, '2031-01-01']] as const) {
      e.push((await api('POST', `/api/v1/season/${season}/episode`, { token: alice.token, body: { number, air_date } })).body.id);
    }
    await a.put(`/api/v1/tv/${show}/follow`);
    const progress = async () => (await a.get('/api/v1/tracking/shows')).body.find((s: { id: string }) => s.id === show);
    const rows = () => db.showWatch.findMany({ where: { showId: show }, orderBy: { userId: 'asc' } });
    const matchesRebuild = async () => {
      const kept = await db.showWatch.findMany({ orderBy: [{ userId: 'asc' }, { showId: 'asc' }] });
      await rebuildShowWatch();
      expect(await db.showWatch.findMany({ orderBy: [{ userId: 'asc' }, { showId: 'asc' }] })).toEqual(kept);
    };

    expect(await progress()).toMatchObject({ watched: 0, aired: 3, next_episode: { id: e[0] } });
    expect(await rows()).toEqual([]);
    await a.put(`/api/v1/episode/${e[2]}/watched-up-to`);
    expect(await progress()).toMatchObject({ watched: 3, aired: 3, next_episode: null });
    await as(bob).put(`/api/v1/episode/${e[0]}/watched`);
    await matchesRebuild();

    // Watched before its air date (a time zone ahead): it counts as aired.
    await a.put(`/api/v1/episode/${e[3]}/watched`);
    expect(await progress()).toMatchObject({ watched: 4, aired: 4, next_episode: null });
    // Unwatching one before the furthest watched one does not make it next.
    await a.del(`/api/v1/episode/${e[1]}/watched`);
    expect(await progress()).toMatchObject({ watched: 3, aired: 4, next_episode: null });
    await matchesRebuild();

    // Deleting a watched episode takes it out of everyone's counts.
    expect((await api('DELETE', `/api/v1/episode/${e[0]}`, { token: alice.token })).status).toBe(204);
    expect(await progress()).toMatchObject({ watched: 2, aired: 3 });
    expect((await rows()).map((r) => r.watched)).toEqual([2]); // Bob watched only the deleted one: his row is gone.
    await matchesRebuild();

    // Purging a missing episode too (episodes made through the API have no file: they are missing).
    await db.episode.updateMany({ where: { id: { in: [e[1], e[2]] } }, data: { status: 'ok', missingSince: null } });
    expect((await api('DELETE', `/api/v1/library/${tvLib}/missing`, { token: alice.token })).status).toBe(200);
    expect(await progress()).toMatchObject({ watched: 1, aired: 2, next_episode: null });
    await matchesRebuild();

    // Unwatching the rest leaves no row; deleting the show takes the rows with it.
    await a.del(`/api/v1/media/${show}/watched`);
    expect(await rows()).toEqual([]);
    expect(await progress()).toMatchObject({ watched: 0, aired: 2, next_episode: { id: e[1] } });
    await a.put(`/api/v1/media/${show}/watched`);
    expect((await api('DELETE', `/api/v1/media/${show}`, { token: alice.token })).status).toBe(204);
    expect(await rows()).toEqual([]);
  });
});
