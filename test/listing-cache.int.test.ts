// The listing cache (lib/list-cache) through the API: a cached list, item or library list reflects
// every write that changes it on the next read — an edited title, a scan that adds a file, a deleted
// item, a renamed library, a user's watched flags (never another user's answer) — and a bump sent
// by another process (the worker during a scan) reaches this one's cache.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, resetConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { closeEvents } from '@/lib/events/events';
import { pgNotifyTransport } from '@/lib/events/pg-notify';
import { socketMeshTransport } from '@/lib/events/socket-mesh';
import { SAMPLE_MOVIE_FILE } from '@/lib/media/sample-library';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';

let admin: { id: string; token: string };
let viewer: { id: string; token: string };
let libraryId: string;
let root: string;

async function scan(id: string) {
  const ctx = { jobId: 'test', signal: new AbortController().signal, progress: async () => undefined };
  return scanLibraryJob.handle(scanLibraryJob.schema.parse({ libraryId: id }), ctx);
}

type Item = { id: string; title: string };
const titles = async (token: string, query = '') =>
  ((await api('GET', `/api/v1/library/${libraryId}/media?sort=title${query}`, { token })).body.items as Item[]).map((i) => i.title);
const library = async () => ((await api('GET', '/api/v1/library', { token: admin.token })).body as { id: string; name: string; media_count: number }[]).find((l) => l.id === libraryId);
function useEnv(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
  resetConfig();
}
const itemId = async (title: string) => (await db.mediaItem.findFirstOrThrow({ where: { libraryId, title } })).id;

beforeAll(async () => {
  admin = await signUp('cacheadmin');
  await api('PATCH', '/api/v1/admin/settings', { token: admin.token, body: { registration: 'open' } });
  viewer = await signUp('cacheviewer');
  root = await copySampleLibrary();
  const created = await api('POST', '/api/v1/library', { token: admin.token, body: { name: 'Cached', type: 'movies', paths: [join(root, 'Movies')] } });
  expect(created.status).toBe(201);
  libraryId = created.body.id;
  await scan(libraryId);
});
afterAll(async () => {
  removeTestMedia();
  await closeEvents();
});

describe('the listing cache', () => {
  it('is on by default, and serves a cached answer until a write bumps it', async () => {
    expect(config().listCache).toBe(true);
    const before = await titles(admin.token);
    expect(before).toContain('Big Test Pattern');
    // A write past our write paths (no bump): the cached page does not see it…
    await db.mediaItem.update({ where: { id: await itemId('Big Test Pattern') }, data: { title: 'Unseen Title' } });
    expect(await titles(admin.token)).toEqual(before);
    // …until a write through them bumps the generation (here an edit of another field).
    const id = await itemId('Unseen Title');
    expect((await api('PATCH', `/api/v1/media/${id}`, { token: admin.token, body: { overview: 'Bars and tone.' } })).status).toBe(200);
    expect(await titles(admin.token)).toContain('Unseen Title');
    await api('PATCH', `/api/v1/media/${id}`, { token: admin.token, body: { title: 'Big Test Pattern' } });
    expect(await titles(admin.token)).toEqual(before);
  });

  it('an edited title shows in the list (and its order) and in the item on the next read', async () => {
    const id = await itemId('Big Test Pattern');
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title).toBe('Big Test Pattern');
    await titles(admin.token);
    const patched = await api('PATCH', `/api/v1/media/${id}`, { token: admin.token, body: { title: 'Aardvark Pattern' } });
    expect(patched.status).toBe(200);
    expect((await titles(admin.token))[0]).toBe('Aardvark Pattern');
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title).toBe('Aardvark Pattern');
  });

  it('a scan that adds a file adds its item to the list and the library count', async () => {
    const before = await titles(admin.token);
    const count = (await library())!.media_count;
    const folder = join(root, 'Movies', 'Zebra Crossing (2021)');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(root, SAMPLE_MOVIE_FILE), join(folder, 'Zebra Crossing (2021).mp4'));
    expect(await scan(libraryId)).toMatchObject({ added: 1, items_created: 1 });
    expect(await titles(admin.token)).toEqual([...before, 'Zebra Crossing']);
    expect((await library())!.media_count).toBe(count + 1);
  });

  it('a deleted item leaves the list, the library count and its own page', async () => {
    const id = await itemId('Zebra Crossing');
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).status).toBe(200);
    const count = (await library())!.media_count;
    expect(await titles(admin.token)).toContain('Zebra Crossing');
    expect((await api('DELETE', `/api/v1/media/${id}`, { token: admin.token })).status).toBe(204);
    expect(await titles(admin.token)).not.toContain('Zebra Crossing');
    expect((await library())!.media_count).toBe(count - 1);
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).status).toBe(404);
  });

  it('a renamed library shows its new name in the library list', async () => {
    expect((await library())!.name).toBe('Cached');
    expect((await api('PATCH', `/api/v1/library/${libraryId}`, { token: admin.token, body: { name: 'Renamed' } })).status).toBe(200);
    expect((await library())!.name).toBe('Renamed');
  });

  it("a user's watched filter follows their own marks, and never serves one user's answer to another", async () => {
    const all = await titles(admin.token);
    const id = await itemId('Aardvark Pattern');
    expect(await titles(admin.token, '&watched=unwatched')).toEqual(all);
    expect(await titles(viewer.token, '&watched=unwatched')).toEqual(all);
    expect(await titles(viewer.token, '&watched=watched')).toEqual([]);

    expect((await api('PUT', `/api/v1/media/${id}/watched`, { token: viewer.token })).status).toBe(200);
    expect(await titles(viewer.token, '&watched=unwatched')).toEqual(all.filter((t) => t !== 'Aardvark Pattern'));
    expect(await titles(viewer.token, '&watched=watched')).toEqual(['Aardvark Pattern']);
    // The admin asked the same question: their own answer, still everything.
    expect(await titles(admin.token, '&watched=unwatched')).toEqual(all);
    expect(await titles(admin.token, '&watched=watched')).toEqual([]);

    expect((await api('DELETE', `/api/v1/media/${id}/watched`, { token: viewer.token })).status).toBe(200);
    expect(await titles(viewer.token, '&watched=watched')).toEqual([]);
  });

  it("hears another process's bump (the worker writing during a scan)", async () => {
    const c = config();
    const id = await itemId('Aardvark Pattern');
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title).toBe('Aardvark Pattern');
    // The worker's write, then its bump, through a transport of its own (another peer of the bus).
    await db.mediaItem.update({ where: { id }, data: { title: 'Written Elsewhere' } });
    expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title).toBe('Aardvark Pattern');
    const worker = (c.db.provider === 'postgresql' ? pgNotifyTransport(c.db.url) : socketMeshTransport(c.db.file))(() => undefined);
    try {
      // Sent until heard: the other peer may still be connecting.
      await waitFor(
        async () => {
          worker.send({ topic: 'listings.changed', payload: { scope: 'catalog' } });
          return (await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title === 'Written Elsewhere';
        },
        { timeoutMs: 10_000, intervalMs: 100, what: 'the bump from the other process' },
      );
    } finally {
      await worker.close();
    }
  });

  it('LIST_CACHE=off reads the database every time', async () => {
    useEnv('LIST_CACHE', 'off');
    try {
      expect(config().listCache).toBe(false);
      const id = await itemId('Written Elsewhere');
      expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title).toBe('Written Elsewhere');
      await db.mediaItem.update({ where: { id }, data: { title: 'Read Fresh' } });
      expect((await api('GET', `/api/v1/media/${id}`, { token: admin.token })).body.title).toBe('Read Fresh');
    } finally {
      useEnv('LIST_CACHE', undefined);
    }
  });
});
