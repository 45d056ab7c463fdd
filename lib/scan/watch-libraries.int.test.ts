// The worker's watch loop with real chokidar watchers: one watcher covers every folder of a
// library, follows folder edits, and closes when the library is deleted.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';
import { startLibraryWatching } from './watch-libraries';

let token: string;
let watching: ReturnType<typeof startLibraryWatching> | undefined;
const quiet = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  token = (await signUp('watchlib')).token;
});
afterAll(async () => {
  await watching?.stop();
  removeTestMedia();
});

describe('watching libraries of several folders', () => {
  it('watches every folder, follows folder edits, and stops watching a deleted library', async () => {
    const [a, b] = [await copySampleLibrary(), await copySampleLibrary()];
    const res = await api('POST', '/api/v1/library', { token, body: { name: 'Watched', paths: [join(a, 'Movies'), join(b, 'TV')], type: 'mixed' } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await db.library.update({ where: { id }, data: { scanRequestedAt: null } });
    watching = startLibraryWatching({ workerId: 'watch-test', intervalMs: 100, periodicScanMs: 3_600_000, stableMs: 100, debounceMs: 20, log: quiet });
    await waitFor(() => watching!.watching().length === 2, { what: 'both folders watched' });
    expect(watching.watching().sort()).toEqual([join(a, 'Movies'), join(b, 'TV')].sort());
    await waitFor(async () => (await db.library.findUniqueOrThrow({ where: { id } })).watchStatus === 'watching', { what: 'the watch status' });

    // A new file in the second folder asks for a scan.
    copyFileSync(join(b, 'TV/Test Card Show/Season 01/Test Card Show - S01E01.mkv'), join(b, 'TV/Test Card Show/Season 01/Test Card Show - S01E03.mkv'));
    await waitFor(async () => (await db.library.findUniqueOrThrow({ where: { id } })).scanRequestedAt !== null, { what: 'a scan asked for by the second folder' });

    // A folder removed from the library is no longer watched.
    expect((await api('PATCH', `/api/v1/library/${id}`, { token, body: { paths: [join(a, 'Movies')] } })).status).toBe(200);
    await waitFor(() => watching!.watching().length === 1, { what: 'the removed folder unwatched' });
    expect(watching.watching()).toEqual([join(a, 'Movies')]);

    // Deleting the library closes its watcher.
    expect((await api('DELETE', `/api/v1/library/${id}`, { token })).status).toBe(204);
    await waitFor(() => watching!.watching().length === 0, { what: 'the watcher closed' });
    await watching.stop();
    watching = undefined;
  });
});
