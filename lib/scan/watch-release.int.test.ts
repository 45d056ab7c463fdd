// Deleting a library releases everything the worker held for it: the watcher's handles (one per
// watched folder) go, a running scan is aborted (no ffprobe left behind), and the descriptor
// count comes back. Watchers never follow a symlink out of the library.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { createRegistry } from '@/lib/jobs/registry';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';
import { SAMPLE_MOVIE_FILE } from '@/lib/media/sample-library';
import { jobDefinitions } from '@/scanner-worker/jobs';
import { api, signUp } from '@/test/api';
import { copySampleLibrary, removeTestMedia } from '@/test/media-fixture';
import { waitFor } from '@/test/wait-for';
import { scanLibraryJob } from './scan-library-job';
import { startLibraryWatching } from './watch-libraries';

let token: string;
let runner: JobRunner | undefined;
let watching: ReturnType<typeof startLibraryWatching> | undefined;
const outside = mkdtempSync(join(tmpdir(), 'marquee-watch-outside-'));
const quiet = { info: () => undefined, warn: () => undefined };

const watchHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
/** Open descriptors other than sockets (a database pool may open connections meanwhile). */
const openFds = () =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return !readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
function probesIn(dir: string): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('ffprobe') && cmd.includes(dir)) n++;
    } catch {
      /* gone */
    }
  }
  return n;
}

beforeAll(async () => {
  token = (await signUp('watchrelease')).token;
});
afterAll(async () => {
  await watching?.stop();
  await runner?.stop();
  removeTestMedia();
  rmSync(outside, { recursive: true, force: true });
});

describe('deleting a library that is being watched and scanned', () => {
  it('closes its watcher, aborts its scan and gives back handles and descriptors', async () => {
    const media = await copySampleLibrary();
    const movies = join(media, 'Movies');
    // Enough files that the scan is still probing when the library goes (150 were not always, on a
    // machine where the probing ran ahead of the test).
    const COPIES = 400;
    for (let i = 0; i < COPIES; i++) {
      const dir = join(movies, `Copy ${i} (2001)`);
      mkdirSync(dir);
      copyFileSync(join(media, SAMPLE_MOVIE_FILE), join(dir, `Copy ${i} (2001).mp4`));
    }
    // A link to a wide tree outside the library: never watched.
    for (let i = 0; i < 100; i++) mkdirSync(join(outside, `Elsewhere ${i}`));
    symlinkSync(outside, join(movies, 'escape'));

    const baseHandles = watchHandles();
    const baseFds = openFds();
    watching = startLibraryWatching({ workerId: 'release-test', intervalMs: 200, periodicScanMs: 3_600_000, stableMs: 100, debounceMs: 20, log: quiet });
    const res = await api('POST', '/api/v1/library', { token, body: { name: 'Doomed', paths: [movies], type: 'movies' } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await waitFor(async () => (await db.library.findUniqueOrThrow({ where: { id } })).watchStatus === 'watching', { what: 'the watcher to be ready', timeoutMs: 30_000 });
    const held = watchHandles() - baseHandles;
    // chokidar watches every folder and video file of the library (COPIES of each here, and the
    // sample movie)… and none of the 100 folders behind the symlink.
    expect(held).toBeGreaterThanOrEqual(2 * COPIES);
    expect(held).toBeLessThan(2 * COPIES + 20);

    runner = startJobRunner({ queue: jobQueue(), registry: createRegistry(jobDefinitions), workerId: 'release-test', pollMs: 50, concurrency: 2, log: { info() {}, warn() {}, error: console.error }, checkEveryMs: 100 });
    const scan = await waitFor(async () => (await jobQueue().list({ name: scanLibraryJob.name, status: 'running' })).find((j) => (j.payload as { libraryId: string }).libraryId === id), { what: 'the scan to run', timeoutMs: 30_000 });
    await waitFor(async () => ((await jobQueue().get(scan.id))?.progress ?? 0) > 0, { what: 'the scan to be probing', timeoutMs: 30_000 });

    expect((await api('DELETE', `/api/v1/library/${id}`, { token })).status).toBe(204);
    await waitFor(() => watching!.watching().length === 0, { what: 'the watcher closed' });
    await waitFor(async () => ['cancelled', 'failed', 'completed'].includes((await jobQueue().get(scan.id))!.status), { what: 'the scan to end', timeoutMs: 30_000 });
    expect((await jobQueue().get(scan.id))!.status).toBe('cancelled');
    await waitFor(() => probesIn(movies) === 0, { what: 'no ffprobe left', timeoutMs: 15_000 });
    await waitFor(() => watchHandles() === baseHandles, { what: 'the watch handles released', timeoutMs: 15_000 });
    expect(openFds()).toBeLessThanOrEqual(baseFds + 5);
  }, 180_000);
});
