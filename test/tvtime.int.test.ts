// The TV Time-compatible routes, called as TV Time's clients call them: POST /tvtime/login with
// username and password → a session cookie, then the cookie on every call. Also GET
// /api/v1/tv/:id/episodes (the whole show in one answer). Real route handlers, real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signUp } from '@/test/api';
import { makeLibrary, makeShow, type ShowFixture } from '@/test/show-fixture';

let alice: { id: string; username: string; password: string; token: string };
let bob: { id: string; username: string; password: string; token: string };
let show: ShowFixture;
let other: ShowFixture;
let aliceCookie: string;

async function tvtimeLogin(username: string, password: string) {
  const res = await api('POST', '/tvtime/login', { body: { username, password } });
  return res;
}

/** The cookie a client sends back: name=value of Set-Cookie. */
const cookieOf = (res: { headers: Headers }) => res.headers.get('set-cookie')!.split(';')[0];

beforeAll(async () => {
  alice = await signUp('alice');
  await api('PATCH', '/api/v1/admin/settings', { token: alice.token, body: { registration: 'open' } });
  bob = await signUp('bob');
  const lib = await makeLibrary('tv');
  show = await makeShow('Harbour Watch', [3, 2], { tvdb_id: '424242' }, lib);
  other = await makeShow('Quiet Fields', [1], {}, lib);
  aliceCookie = cookieOf(await tvtimeLogin(alice.username, alice.password));
});

const as = (cookie: string) => ({
  get: (path: string) => api('GET', path, { cookie }),
  put: (path: string) => api('PUT', path, { cookie }),
  del: (path: string) => api('DELETE', path, { cookie }),
});

describe('TV Time routes', () => {
  it('signs in with username and password in the body and sets a session cookie scoped to /tvtime', async () => {
    const res = await tvtimeLogin(alice.username, alice.password);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'OK', user: { id: alice.id, name: alice.username } });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^marquee_tvtime_session=mq_s_/);
    expect(setCookie).toContain('Path=/tvtime');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const bad = await tvtimeLogin(alice.username, 'wrong password');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_credentials');
    expect(bad.headers.get('set-cookie')).toBeNull();
  });

  it('refuses every route without credentials, or with a garbage cookie, in our error shape', async () => {
    for (const [method, path] of [
      ['GET', '/tvtime/shows'],
      ['GET', `/tvtime/show/${show.showId}`],
      ['PUT', `/tvtime/show/${show.showId}/follow`],
      ['DELETE', `/tvtime/show/${show.showId}/follow`],
      ['PUT', `/tvtime/episode/${show.ep['1x1']}/watched`],
      ['DELETE', `/tvtime/episode/${show.ep['1x1']}/watched`],
    ]) {
      for (const cookie of [undefined, 'marquee_tvtime_session=mq_s_forged']) {
        const res = await api(method, path, { cookie });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
    }
  });

  it('follows, lists followed shows, and marks episodes seen — by Marquee id and by TheTVDB id', async () => {
    const a = as(aliceCookie);
    expect((await a.put(`/tvtime/show/${show.showId}/follow`)).body).toEqual({ result: 'OK', show_id: show.showId, followed: true });
    // TheTVDB id names the same show.
    expect((await a.put('/tvtime/show/424242/follow')).body).toEqual({ result: 'OK', show_id: show.showId, followed: true });
    expect((await a.put(`/tvtime/episode/${show.ep['1x1']}/watched`)).body).toEqual({ result: 'OK', episode_id: show.ep['1x1'], seen: true });
    expect((await a.put(`/tvtime/episode/${show.ep['1x2']}/watched`)).status).toBe(200);
    const shows = (await a.get('/tvtime/shows')).body;
    expect(shows).toEqual([
      expect.objectContaining({ id: show.showId, tvdb_id: 424242, name: 'Harbour Watch', followed: true, seen_episodes: 2, aired_episodes: 5, next_episode: expect.objectContaining({ id: show.ep['1x3'], season_number: 1, number: 3 }) }),
    ]);
    expect((await a.del(`/tvtime/episode/${show.ep['1x2']}/watched`)).body).toMatchObject({ seen: false });
    expect((await a.get('/tvtime/shows')).body[0].seen_episodes).toBe(1);
    expect((await a.del('/tvtime/show/424242/follow')).body).toMatchObject({ followed: false });
    expect((await a.get('/tvtime/shows')).body).toEqual([]);
  });

  it('answers a show with every season, episode and seen flag in one request', async () => {
    const a = as(aliceCookie);
    await a.put(`/tvtime/episode/${show.ep['2x1']}/watched`);
    const res = await a.get('/tvtime/show/424242');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: show.showId, tvdb_id: 424242, name: 'Harbour Watch', followed: false, aired_episodes: 5 });
    expect(res.body.seasons.map((s: { number: number; episodes: unknown[] }) => [s.number, s.episodes.length])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    const seen = res.body.seasons.flatMap((s: { episodes: { id: string; seen: boolean }[] }) => s.episodes.filter((e) => e.seen).map((e) => e.id));
    expect(seen.sort()).toEqual([show.ep['1x1'], show.ep['2x1']].sort());
    expect(res.body.seen_episodes).toBe(2);
  });

  it('keeps users apart: Bob sees none of Alice’s flags and his marks are his own', async () => {
    const bobCookie = cookieOf(await tvtimeLogin(bob.username, bob.password));
    const b = as(bobCookie);
    const view = (await b.get(`/tvtime/show/${show.showId}`)).body;
    expect(view.seen_episodes).toBe(0);
    await b.put(`/tvtime/episode/${show.ep['1x3']}/watched`);
    const mine = (await as(aliceCookie).get(`/tvtime/show/${show.showId}`)).body;
    expect(mine.seasons[0].episodes.find((e: { id: string }) => e.id === show.ep['1x3']).seen).toBe(false);
  });

  it('answers 404 in our error shape for unknown ids, and for TheTVDB episode ids', async () => {
    const a = as(aliceCookie);
    for (const path of ['/tvtime/show/nope', '/tvtime/show/999999999', `/tvtime/show/${show.ep['1x1']}`]) {
      const res = await a.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const byTvdb = await a.put('/tvtime/episode/123456/watched');
    expect(byTvdb.status).toBe(404);
    expect(byTvdb.body.error.message).toContain('Marquee id');
    expect((await a.put(`/tvtime/show/${other.ep['1x1']}/follow`)).status).toBe(404);
  });

  it('takes a Bearer token as well, and stops taking a cookie whose session was signed out', async () => {
    const login = await tvtimeLogin(alice.username, alice.password);
    expect((await api('GET', '/tvtime/shows', { token: login.body.token })).status).toBe(200);
    const cookie = cookieOf(login);
    expect((await api('GET', '/tvtime/shows', { cookie })).status).toBe(200);
    expect((await api('DELETE', '/api/v1/auth/session', { token: login.body.token })).status).toBe(204);
    expect((await api('GET', '/tvtime/shows', { cookie })).status).toBe(401);
  });
});

describe('GET /api/v1/tv/:id/episodes', () => {
  it('answers every season with its episodes and the caller’s watched flags, in one answer', async () => {
    await api('PUT', `/api/v1/episode/${show.ep['2x2']}/watched`, { token: bob.token });
    const res = await api('GET', `/api/v1/tv/${show.showId}/episodes`, { token: bob.token });
    expect(res.status).toBe(200);
    expect(res.body.show).toMatchObject({ id: show.showId, title: 'Harbour Watch', ids: { tvdb: '424242' } });
    expect(res.body.seasons.map((s: { number: number; episodes: { number: number }[] }) => [s.number, s.episodes.map((e) => e.number)])).toEqual([
      [1, [1, 2, 3]],
      [2, [1, 2]],
    ]);
    const watched = res.body.seasons.flatMap((s: { episodes: { id: string; watched: boolean }[] }) => s.episodes.filter((e) => e.watched).map((e) => e.id));
    expect(watched.sort()).toEqual([show.ep['1x3'], show.ep['2x2']].sort());
    expect((await api('GET', `/api/v1/tv/${show.ep['1x1']}/episodes`, { token: bob.token })).status).toBe(404);
    expect((await api('GET', `/api/v1/tv/${show.showId}/episodes`)).status).toBe(401);
  });
});
