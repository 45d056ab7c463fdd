// A fresh machine: `npm start` on an empty DATA_DIR brings up web + worker; the HTTP contract
// holds through the real Next.js server; stopping and crashing behave.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, waitFor, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('first start on a fresh DATA_DIR', () => {
  it('answers /api/health with db ok, a fresh worker heartbeat and the ffmpeg in use', async () => {
    const health = await waitFor(
      async () => {
        const body = await (await fetch(`${app.url}/api/health`)).json();
        return body.worker.last_heartbeat ? body : null;
      },
      { what: 'a worker heartbeat', timeoutMs: 30_000 },
    );
    expect(health.db).toBe('ok');
    expect(health.status).toBe('ok');
    expect(health.worker.age_seconds).toBeLessThan(10);
    expect(Date.now() - Date.parse(health.worker.last_heartbeat)).toBeLessThan(10_000);
    expect(health.ffmpeg.path).toMatch(/ffmpeg/);
    expect(health.ffmpeg.version).toMatch(/\d/);
  });

  it('keeps its data in DATA_DIR: SQLite database, generated secret, sample library', async () => {
    expect(existsSync(join(app.dataDir, 'marquee.db'))).toBe(true);
    expect(existsSync(join(app.dataDir, 'auth-secret'))).toBe(true);
    expect(app.output()).toContain('AUTH_SECRET is not set');
    const sample = join(app.dataDir, 'sample-media');
    await waitFor(() => existsSync(sample), { what: 'the sample library', timeoutMs: 60_000 });
    expect(existsSync(join(sample, 'Movies/Big Test Pattern (2024)/Big Test Pattern (2024).mp4'))).toBe(true);
    expect(existsSync(join(sample, 'TV/Test Card Show/Season 02/Test Card Show - S02E02.mkv'))).toBe(true);
    expect(existsSync(join(sample, 'TV/Test Card Show/Season 01/Test Card Show - S01E01.en.srt'))).toBe(true);
  });

  it('serves the error contract through the real server', async () => {
    const unknown = await fetch(`${app.url}/api/v1/does-not-exist`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('route_not_found');

    const wrongMethod = await fetch(`${app.url}/api/v1/auth/refresh`, { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect((await wrongMethod.json()).error.code).toBe('method_not_allowed');

    const badJson = await fetch(`${app.url}/api/v1/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe('invalid_json');

    const huge = await fetch(`${app.url}/api/v1/user/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');

    const noAuth = await fetch(`${app.url}/api/v1/user`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });

    // A path that does not percent-decode to UTF-8 is a 400 in our shape from the web server, not Next's plain 500.
    for (const path of ['/api/v1/media/%E0%A4%A', '/api/v1/library/%ED%A0%80/scan', '/media/%E0%A4%A']) {
      const undecodable = await fetch(`${app.url}${path}`);
      expect(undecodable.status, path).toBe(400);
      expect(await undecodable.json()).toMatchObject({ error: { code: 'validation_failed', message: expect.stringContaining('percent-encoding') } });
    }
    // Health is public: a stale or garbage token does not make it fail.
    const health = await fetch(`${app.url}/api/health`, { headers: { authorization: 'Bearer mq_s_stale-token' } });
    expect(health.status).toBe(200);

    const doc = await (await fetch(`${app.url}/api/v1/openapi.json`)).json();
    expect(doc.paths['/api/v1/auth/session'].post).toBeDefined();
    const docs = await fetch(`${app.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
  });

  it('throttles by the socket address, not a forged X-Forwarded-For or client-ip header', async () => {
    const attempt = (ip: string) =>
      fetch(`${app.url}/api/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'x-marquee-client-ip': ip },
        body: JSON.stringify({ username: 'nobody-here', password: 'wrong-password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(`203.0.113.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('the launcher', () => {
  it('exits 0 on SIGTERM with both processes gone', async () => {
    const pids = app.pids()!;
    const code = await app.stop();
    expect(code).toBe(0);
    for (const pid of [pids.web, pids.worker]) expect(() => process.kill(pid, 0)).toThrow();
    app = undefined as unknown as RunningApp;
  });
});
