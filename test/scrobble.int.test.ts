// Play state from other players: POST /api/v1/scrobble with a scrobble-scoped API key, and the Jellyfin
// and Plex webhook receivers, called with payloads written from each sender's documented fields
// (Jellyfin Webhook plugin variables; Plex's multipart `payload`). Real route handlers, real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { makeMovie, makeShow, type ShowFixture } from '@/test/show-fixture';

let alice: { id: string; token: string };
let bob: { id: string; token: string };
let scrobbleKey: string;
let readKey: string;
let show: ShowFixture;
let movieId: string;
let plexMovieId: string;

async function newKey(token: string, scope: string) {
  const res = await api('POST', '/api/v1/user/api-keys', { token, body: { name: `${scope} key`, scope } });
  expect(res.status).toBe(201);
  return res.body.key as string;
}

/** The caller's watch state on a movie or an episode, straight from the table. */
async function stateOf(userId: string, target: { itemId?: string; episodeId?: string }) {
  return db.watchState.findFirst({ where: { userId, ...target } });
}

beforeAll(async () => {
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  scrobbleKey = await newKey(alice.token, 'scrobble');
  readKey = await newKey(alice.token, 'read');
  show = await makeShow('Night Harbour', [3, 2], { tvdb_id: '81189', tmdb_id: '1396' });
  movieId = await makeMovie('The Long Field', 2019, { tmdbId: '603', imdbId: 'tt0133093' });
  plexMovieId = await makeMovie('Paper Moon Run', 1973, { imdbId: 'tt0070510' });
});

const scrobble = (body: unknown, key = scrobbleKey) => api('POST', '/api/v1/scrobble', { token: key, body });

describe('POST /api/v1/scrobble', () => {
  it('finds a movie by TMDB id, keeps its resume point, and marks it watched at 90 % (once per viewing)', async () => {
    const start = await scrobble({ event: 'start', position_secs: 0, duration_secs: 6000, ids: { tmdb: 603 } });
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ event: 'start', item: { kind: 'movie', id: movieId, title: 'The Long Field' }, resume_secs: 0, watched: false });
    const pause = await scrobble({ event: 'pause', position_secs: 1800, duration_secs: 6000, ids: { imdb: 'tt0133093' } });
    expect(pause.body).toMatchObject({ item: { id: movieId }, progress: 0.3, resume_secs: 1800, watched: false });
    expect((await stateOf(alice.id, { itemId: movieId }))?.positionSecs).toBe(1800);
    const stop = await scrobble({ event: 'stop', position_secs: 5500, duration_secs: 6000, ids: { tmdb: '603' } });
    expect(stop.body).toMatchObject({ watched: true, play_count: 1, resume_secs: 0 });
    await scrobble({ event: 'stop', position_secs: 5900, duration_secs: 6000, ids: { tmdb: '603' } });
    expect((await stateOf(alice.id, { itemId: movieId }))?.playCount).toBe(1);
    // Bob's state is untouched.
    expect(await stateOf(bob.id, { itemId: movieId })).toBeNull();
  });

  it('finds an episode by the show’s TheTVDB id, by title, or by its Marquee id, with season and episode', async () => {
    const byTvdb = await scrobble({ event: 'stop', position_secs: 1200, duration_secs: 1300, ids: { tvdb: 81189, season: 1, episode: 2 } });
    expect(byTvdb.body).toMatchObject({ item: { kind: 'episode', id: show.ep['1x2'], show_id: show.showId, season: 1, episode: 2 }, watched: true });
    const byTitle = await scrobble({ event: 'pause', position_secs: 600, duration_secs: 1300, title: 'night harbour', ids: { season: 2, episode: 1 } });
    expect(byTitle.body).toMatchObject({ item: { id: show.ep['2x1'] }, resume_secs: 600 });
    const byMarquee = await scrobble({ event: 'stop', position_secs: 1300, duration_secs: 1300, ids: { marquee: show.ep['1x3'] } });
    expect(byMarquee.body).toMatchObject({ item: { id: show.ep['1x3'] }, watched: true });
    const byShowId = await scrobble({ event: 'start', position_secs: 100, duration_secs: 1300, ids: { marquee: show.showId, season: 1, episode: 1 } });
    expect(byShowId.body.item.id).toBe(show.ep['1x1']);
    // The show's progress follows (the one writer keeps ShowWatch in step).
    const shows = await api('GET', `/api/v1/tv/${show.showId}/episodes`, { token: alice.token });
    const watched = shows.body.seasons.flatMap((s: { episodes: { id: string; watched: boolean }[] }) => s.episodes.filter((e) => e.watched).map((e) => e.id));
    expect(watched.sort()).toEqual([show.ep['1x2'], show.ep['1x3']].sort());
  });

  it('answers 404 when nothing matches, and 400 for a body without an id or title', async () => {
    const none = await scrobble({ event: 'start', position_secs: 1, duration_secs: 100, ids: { tvdb: 81189, season: 9, episode: 9 } });
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('not_found');
    expect((await scrobble({ event: 'start', position_secs: 1, duration_secs: 100, title: 'No Such Film' })).status).toBe(404);
    const bad = await scrobble({ event: 'start', position_secs: 1, duration_secs: 100 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await scrobble({ event: 'rewind', position_secs: 1, duration_secs: 100, ids: { tmdb: 603 } })).status).toBe(400);
  });

  it('takes a scrobble key (or full credentials) only: a read key is refused, and a scrobble key does nothing else', async () => {
    expect((await scrobble({ event: 'start', position_secs: 1, duration_secs: 100, ids: { tmdb: 603 } }, readKey)).status).toBe(403);
    expect((await api('POST', '/api/v1/scrobble', { body: { event: 'start', position_secs: 1, duration_secs: 100, ids: { tmdb: 603 } } })).status).toBe(401);
    expect((await api('GET', '/api/v1/tracking/shows', { token: scrobbleKey })).status).toBe(403);
    expect((await api('PUT', `/api/v1/episode/${show.ep['1x1']}/watched`, { token: scrobbleKey })).status).toBe(403);
    expect((await scrobble({ event: 'start', position_secs: 1, duration_secs: 100, ids: { tmdb: 603 } }, bob.token)).status).toBe(200);
  });
});

describe('POST /api/v1/scrobble/jellyfin', () => {
  const TICKS = 10_000_000;
  const episode = (type: string, extra: Record<string, unknown> = {}) => ({
    NotificationType: type,
    ItemType: 'Episode',
    Name: 'The Lamp Room',
    SeriesName: 'Night Harbour',
    SeasonNumber: 2,
    EpisodeNumber: 2,
    RunTimeTicks: 1500 * TICKS,
    PlaybackPositionTicks: 0,
    Provider_tvdb: '7654321', // the episode's own id: not a show's
    NotificationUsername: 'alice',
    ...extra,
  });
  const post = (body: unknown, query = `?key=${scrobbleKey}`) => api('POST', `/api/v1/scrobble/jellyfin${query}`, { body });

  it('moves the resume point on PlaybackProgress and marks watched on PlaybackStop, with the key in the URL', async () => {
    expect((await post(episode('PlaybackStart'))).body).toMatchObject({ handled: true, result: { item: { id: show.ep['2x2'] }, watched: false } });
    const progress = await post(episode('PlaybackProgress', { PlaybackPositionTicks: String(450 * TICKS), IsPaused: 'true' }));
    expect(progress.body).toMatchObject({ handled: true, result: { event: 'pause', resume_secs: 450 } });
    expect((await stateOf(alice.id, { episodeId: show.ep['2x2'] }))?.positionSecs).toBe(450);
    const stop = await post(episode('PlaybackStop', { PlaybackPositionTicks: 1490 * TICKS, PlayedToCompletion: true }));
    expect(stop.body).toMatchObject({ handled: true, result: { event: 'stop', watched: true } });
  });

  it('finds movies by their provider ids, ignores other notifications, and refuses a bad key', async () => {
    const movie = { NotificationType: 'PlaybackStop', ItemType: 'Movie', Name: 'Renamed Locally', Year: 2019, Provider_imdb: 'tt0133093', Provider_tmdb: '603', RunTimeTicks: 6000 * TICKS, PlaybackPositionTicks: 3000 * TICKS };
    const res = await post(movie, '');
    expect(res.status).toBe(401);
    const withHeader = await api('POST', '/api/v1/scrobble/jellyfin', { token: scrobbleKey, body: movie });
    expect(withHeader.body).toMatchObject({ handled: true, result: { item: { id: movieId }, resume_secs: 3000 } });
    expect((await post({ NotificationType: 'ItemAdded', ItemType: 'Movie', Name: 'x' })).body).toMatchObject({ handled: false, reason: expect.stringContaining('ItemAdded') });
    expect((await post(movie, '?key=mq_k_forged')).status).toBe(401);
    expect((await post(movie, '?key=not-a-key')).status).toBe(401);
    expect((await post(movie, `?key=${readKey}`)).status).toBe(403);
  });
});

describe('POST /api/v1/scrobble/plex', () => {
  /** Plex's request: multipart/form-data with the event as JSON in `payload`, and a thumbnail part. */
  async function plex(payload: unknown, query = `?key=${scrobbleKey}`) {
    const form = new FormData();
    form.set('payload', JSON.stringify(payload));
    form.set('thumb', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])], { type: 'image/jpeg' }), 'thumb.jpg');
    const req = new Request('http://localhost/', { method: 'POST', body: form });
    const rawBody = new Uint8Array(await req.arrayBuffer());
    return api('POST', `/api/v1/scrobble/plex${query}`, { rawBody, headers: { 'content-type': req.headers.get('content-type')! } });
  }
  const account = { id: 1, thumb: 'https://plex.tv/users/1/avatar', title: 'alice' };
  const player = { local: true, publicAddress: '203.0.113.7', title: 'Living Room', uuid: 'player-uuid' };
  const movie = (event: string, viewOffset: number) => ({
    event, user: true, owner: true, Account: account, Server: { title: 'plex', uuid: 'server-uuid' }, Player: player,
    Metadata: { librarySectionType: 'movie', ratingKey: '1234', type: 'movie', title: 'Paper Moon Run', year: 1973, Guid: [{ id: 'imdb://tt0070510' }, { id: 'tmdb://9999999' }], viewOffset, duration: 6_000_000 },
  });

  it('maps media.play, media.pause and media.scrobble onto the item’s resume point and watched state', async () => {
    const play = await plex(movie('media.play', 0));
    expect(play.status).toBe(200);
    expect(play.body).toMatchObject({ handled: true, result: { event: 'start', item: { id: plexMovieId } } });
    expect((await plex(movie('media.pause', 2_400_000))).body).toMatchObject({ result: { event: 'pause', resume_secs: 2400 } });
    expect((await stateOf(alice.id, { itemId: plexMovieId }))?.positionSecs).toBe(2400);
    expect((await plex(movie('media.scrobble', 5_500_000))).body).toMatchObject({ result: { watched: true, play_count: 1 } });
  });

  it('finds episodes by show title, season and episode; ignores other events; needs the key', async () => {
    const ep = {
      event: 'media.stop', user: true, owner: true, Account: account, Player: player,
      Metadata: { type: 'episode', title: 'Low Tide', grandparentTitle: 'Night Harbour', parentTitle: 'Season 1', parentIndex: 1, index: 1, Guid: [{ id: 'tvdb://81189' }], viewOffset: 300_000, duration: 1_500_000 },
    };
    expect((await plex(ep)).body).toMatchObject({ handled: true, result: { item: { id: show.ep['1x1'] }, resume_secs: 300 } });
    expect((await plex({ event: 'library.new', Metadata: { type: 'movie', title: 'x' } })).body).toMatchObject({ handled: false });
    expect((await plex({ event: 'media.play', Metadata: { type: 'track', title: 'A song' } })).body).toMatchObject({ handled: false });
    expect((await plex(ep, '')).status).toBe(401);
    const notForm = await api('POST', `/api/v1/scrobble/plex?key=${scrobbleKey}`, { body: ep });
    expect(notForm.status).toBe(415);
    expect(notForm.body.error.code).toBe('unsupported_media_type');
  });
});
