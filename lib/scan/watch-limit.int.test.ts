// A watcher that hits the kernel's inotify limit gives up visibly: the library's watch status says
// why and how to raise the limit, its watches are closed, periodic scans take over even for a
// "watching only" library, and watching is tried again later. The kernel limit is reached through
// the real chokidar watcher's own error event (raising fs.inotify limits in a test would change
// the machine for every other process).
import { join } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';
import { realScanDeps } from './scan-library-job';
import { scanLibrary } from './scan-library';
import { startLibraryWatching } from './watch-libraries';

let token: string;
let watching: ReturnType<typeof startLibraryWatching> | undefined;
const warnings: string[] = [];
const log = { info: () => undefined, warn: (m: string) => void warnings.push(m) };

beforeAll(async () => {
  token = (await signUp('watchlimit')).token;
});
afterAll(async () => {
  await watching?.stop();
  removeTestMedia();
});

describe('a watcher at the inotify limit', () => {
  it('says so on the library, stops watching, lets periodic scans take over, and tries again later', async () => {
    const root = await copySampleLibrary();
    const folder = join(root, 'Movies');
    // Watching only: no periodic scans while the watcher works.
    const created = await api('POST', '/api/v1/library', { token, body: { name: 'Watched', type: 'movies', path: folder, scan_interval_minutes: 0 } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await scanLibrary(id, {}, await realScanDeps());
    // The scan queued when the library was created (no runner here) is done above: off the queue.
    await db.job.deleteMany({ where: { name: 'scan.library', status: 'queued' } });

    const made: FSWatcher[] = [];
    const watchFolders = ((paths, options) => {
      const w = watch(paths, options);
      made.push(w);
      return w;
    }) as typeof watch;
    watching = startLibraryWatching({ workerId: 'watch-limit', intervalMs: 100, periodicScanMs: 300, retryMs: 2_000, log, watchFolders });
    const status = async () => (await api('GET', `/api/v1/library/${id}/scan`, { token })).body.watch_status as string | null;
    const scansQueued = async () => (await jobQueue().list({ name: 'scan.library', status: 'queued', limit: 50 })).filter((j) => (j.payload as { libraryId: string }).libraryId === id).length;

    await waitFor(async () => (await status()) === 'watching', { what: 'the watcher ready' });
    expect(watching.watching()).toContain(folder);
    expect(await scansQueued()).toBe(0);

    made[0].emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached, watch'), { code: 'ENOSPC' }));
    const reason = await waitFor(async () => ((await status())?.includes('inotify') ? await status() : null), { what: 'the inotify reason on the library' });
    expect(reason).toContain('sysctl fs.inotify.max_user_watches=');
    expect(watching.watching()).not.toContain(folder);
    expect(warnings.some((w) => w.includes('stopped watching') && w.includes(folder))).toBe(true);
    // Periodic scans stand in, though the library asked for watching only.
    await waitFor(async () => (await scansQueued()) > 0, { what: 'a periodic scan of the library', timeoutMs: 5_000 });

    // After retryMs, watching is tried again with a new watcher.
    await waitFor(async () => made.length === 2 && (await status()) === 'watching', { what: 'watching again', timeoutMs: 10_000 });
    expect(watching.watching()).toContain(folder);
  });
});
