// The demo login: off by default; when an admin turns it on, a shared read-only account that can
// browse and play (stream sessions, resume points) while every other write is 403 demo_read_only —
// refused by the route wrapper from each route's declared access, for tokens and cookies alike.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { scanLibrary } from '@/lib/scan/scan-library';
import { realScanDeps } from '@/lib/scan/scan-library-job';
import { demoResetJob } from '@/lib/users/demo-reset-job';
import { api, browserSignIn, signUp } from './api';
import { copySampleLibrary, removeTestMedia } from './media-fixture';

const CHROMIUM = {
  containers: ['mp4', 'webm'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.2 }],
  audio: ['aac', 'mp3', 'opus'],
};

let admin: { id: string; token: string };
let movieId: string;
let showId: string;

beforeAll(async () => {
  admin = await signUp('demoadmin');
  const root = await copySampleLibrary();
  const lib = await api('POST', '/api/v1/library', { token: admin.token, body: { name: 'Movies', path: join(root, 'Movies'), type: 'movies' } });
  const tv = await api('POST', '/api/v1/library', { token: admin.token, body: { name: 'TV', path: join(root, 'TV'), type: 'tv' } });
  await scanLibrary(lib.body.id, {}, await realScanDeps());
  await scanLibrary(tv.body.id, {}, await realScanDeps());
  movieId = (await db.mediaItem.findFirstOrThrow({ where: { title: 'Big Test Pattern' } })).id;
  showId = (await db.mediaItem.findFirstOrThrow({ where: { kind: 'show' } })).id;
}, 120_000);

afterAll(() => removeTestMedia());

describe('demo login', () => {
  it('is off by default: no demo session and no demo account', async () => {
    expect((await api('GET', '/api/v1/admin/settings', { token: admin.token })).body.demo).toBe(false);
    const res = await api('POST', '/api/v1/auth/demo');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('demo_disabled');
    expect(await db.user.count({ where: { demo: true } })).toBe(0);
  });

  it('signs in without a password as one shared account that can browse and play', async () => {
    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { demo: true } });
    const first = await api('POST', '/api/v1/auth/demo');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ token: expect.stringMatching(/^mq_s_/), expires_at: expect.any(String) });
    const again = await api('POST', '/api/v1/auth/demo');
    const token = first.body.token as string;
    const me = await api('GET', '/api/v1/user', { token });
    expect(me.body).toMatchObject({ username: 'demo', role: 'user' });
    expect((await api('GET', '/api/v1/user', { token: again.body.token })).body.id).toBe(me.body.id);
    // A password never signs in as the demo account.
    expect((await api('POST', '/api/v1/auth/session', { body: { username: 'demo', password: 'x' } })).status).toBe(401);

    expect((await api('GET', '/api/v1/library', { token })).status).toBe(200);
    expect((await api('GET', `/api/v1/media/${movieId}`, { token })).status).toBe(200);
    expect((await api('GET', '/api/v1/tracking/continue', { token })).status).toBe(200);

    const play = await api('POST', '/api/v1/stream-session', { token, body: { media_id: movieId, supported_codecs: CHROMIUM } });
    expect(play.status).toBe(200);
    expect(play.body.mode).toBe('direct');
    const bytes = await api('GET', play.body.url, { token, headers: { range: 'bytes=0-99' } });
    expect(bytes.status).toBe(206);
    const saved = await api('POST', `/api/v1/user/stopped-at/${movieId}`, { token, body: { secs_offset: 4 } });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
    expect((await api('GET', `/api/v1/user/stopped-at/${movieId}`, { token })).body).toMatchObject({ secs_offset: 4 });
    expect((await api('DELETE', `/api/v1/stream-session/${play.body.stream_key}`, { token })).status).toBe(204);
  });

  it('refuses every kind of write with demo_read_only, by token and by browser cookie', async () => {
    const { token } = (await api('POST', '/api/v1/auth/demo')).body;
    const demo = await db.user.findFirstOrThrow({ where: { demo: true } });
    // The browser's cookie, as "Try the demo" gets it, on a same-origin request (past the CSRF check).
    const { cookie, sameOrigin } = await browserSignIn(demo.id);
    const writes: [string, string, unknown][] = [
      ['PUT', `/api/v1/media/${movieId}/watched`, undefined],
      ['DELETE', `/api/v1/media/${movieId}/watched`, undefined],
      ['PUT', `/api/v1/tv/${showId}/follow`, undefined],
      ['POST', '/api/v1/user/setup', { name: 'Hacker' }],
      ['PATCH', '/api/v1/user', { password: 'x', new_password: 'another password' }],
      ['POST', '/api/v1/user/email', { email: 'demo@example.org' }],
      ['POST', '/api/v1/user/api-keys', { name: 'mine' }],
      ['DELETE', '/api/v1/user', { password: 'x' }],
    ];
    for (const [method, path, body] of writes) {
      for (const auth of [{ token }, { cookie, headers: sameOrigin }]) {
        const res = await api(method, path, { ...auth, body });
        expect(res.status, `${method} ${path} ${Object.keys(auth)[0]}`).toBe(403);
        expect(res.body.error.code).toBe('demo_read_only');
      }
    }
    // Admin routes stay admin-only.
    expect((await api('PATCH', '/api/v1/admin/settings', { token, body: { demo: false } })).body.error.code).toBe('forbidden');
    expect(await db.apiKey.count({ where: { userId: demo.id } })).toBe(0);
    expect(await db.follow.count({ where: { userId: demo.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: demo.id } })).name).toBe('Demo');
    // Its own sign-out is allowed.
    expect((await api('DELETE', '/api/v1/auth/session', { token })).status).toBe(204);
  });

  it('forgets the demo account’s resume points in the daily reset, and nobody else’s', async () => {
    const { token } = (await api('POST', '/api/v1/auth/demo')).body;
    await api('POST', `/api/v1/user/stopped-at/${movieId}`, { token, body: { secs_offset: 5 } });
    await api('POST', `/api/v1/user/stopped-at/${movieId}`, { token: admin.token, body: { secs_offset: 6 } });
    const demo = await db.user.findFirstOrThrow({ where: { demo: true } });
    expect(await db.watchState.count({ where: { userId: demo.id } })).toBe(1);
    const result = await demoResetJob.handle({}, { jobId: 'test', signal: new AbortController().signal, progress: async () => {} });
    expect(result).toEqual({ accounts: 1, states: 1 });
    expect(await db.watchState.count({ where: { userId: demo.id } })).toBe(0);
    expect((await api('GET', `/api/v1/user/stopped-at/${movieId}`, { token: admin.token })).body).toMatchObject({ secs_offset: 6 });
  });

  it('turning the demo off ends its sessions and refuses new ones', async () => {
    const { token } = (await api('POST', '/api/v1/auth/demo')).body;
    await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { demo: false } });
    expect((await api('GET', '/api/v1/user', { token })).status).toBe(403);
    expect((await api('POST', '/api/v1/auth/demo')).body.error.code).toBe('demo_disabled');
  });
});
