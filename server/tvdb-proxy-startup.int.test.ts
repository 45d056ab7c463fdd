// The web process holds two copies of lib/: the web server's (tsx) and Next's bundle. The TVDB proxy's
// state is one per process (on globalThis), so whichever copy touches it first makes it, and errors
// thrown by its cache come from that copy's classes. With TheTVDB unreachable and nothing cached, the
// answer must be 503 in TheTVDB's failure envelope in both start-up orders — not a 500 because the
// other copy failed to recognise the error. Two copies are made here with vi.resetModules().
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, signUp } from '@/test/api';
import { FAKE_TVDB_IDS, startFakeTvdb, type FakeTvdb } from '@/test/fakes/tvdb-server';
import { useFakeTvdb } from '@/test/fakes/tvdb-env';
import { failureResponse } from '@/lib/tvdb/v4-schemas';

type ServerCopy = typeof import('./tvdb-proxy');
type StateCopy = typeof import('@/lib/tvdb/proxy-state');

let fake: FakeTvdb;
let server: Server;
let base: string;
let serve: ServerCopy['serveTvdb'] | null = null;
let key: string;

/** A fresh copy of the modules (as a second bundle of the same code would be). */
async function freshCopy() {
  vi.resetModules();
  const state = (await import('@/lib/tvdb/proxy-state')) as StateCopy;
  const edge = (await import('./tvdb-proxy')) as ServerCopy;
  return { state, edge };
}

beforeAll(async () => {
  fake = await startFakeTvdb();
  server = createServer((req, res) => {
    if (serve) void serve(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `${url}/tvdb/v4`;
  useFakeTvdb(fake.url, url);
  const admin = await signUp('admin');
  key = (await api('POST', '/api/v1/admin/api-keys', { token: admin.token, body: { name: 'Startup' } })).body.key;
});

beforeEach(async () => {
  (await import('@/lib/tvdb/proxy-state')).resetProxyState();
  fake.setDown(false);
});

afterAll(async () => {
  (await import('@/lib/tvdb/proxy-state')).resetProxyState();
  await new Promise((r) => server.close(r));
  await fake.close();
});

async function expectUnavailable(path: string) {
  fake.setDown('reset');
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
  const body = failureResponse.parse(await res.json());
  expect(res.status, body.message).toBe(503);
  expect(body).toMatchObject({ status: 'failure', data: null });
  expect(body.message).toContain('unreachable');
}

describe('TVDB proxy state across two copies of the code', () => {
  it('answers 503 when the other copy (Next) made the state first', async () => {
    const next = await freshCopy();
    next.state.proxyState(); // e.g. an admin saved a key (forgetProxyKey) before any /tvdb/v4 request
    const web = await freshCopy();
    serve = web.edge.serveTvdb;
    expect(web.state.proxyState()).toBe(next.state.proxyState()); // one state per process
    await expectUnavailable(`/series/${FAKE_TVDB_IDS.noonQuiz}/episodes/absolute`);
  });

  it('answers 503 when the web server’s copy made the state first', async () => {
    const web = await freshCopy();
    serve = web.edge.serveTvdb;
    web.state.proxyState();
    const next = await freshCopy();
    next.state.proxyState();
    await expectUnavailable(`/movies/${FAKE_TVDB_IDS.movie}/extended?meta=translations`);
    // And Next's copy recognises the web server's errors too (the catalog reads through the same cache).
    const route = (await import('@/lib/tvdb/proxy-routes')).resolveProxyRoute(`/people/${FAKE_TVDB_IDS.mara}/extended?meta=translations`)!;
    const err = await web.state.proxyState().cache.get(route).then(() => null, (e: unknown) => e);
    const reply = (await import('@/lib/http/error-response')).errorReply(err, 'tvdb', () => {});
    expect(reply.status).toBe(503);
  });
});
