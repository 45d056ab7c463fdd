// The worker's watch loop: the worker holding the `library-watch` lease watches every library
// and runs the periodic stat-diff scan that catches what events miss (network mounts). A library
// added, changed or deleted in the web (`libraries.changed`, or a scan queued for it) is picked up
// at once; the tick (lease renewal, periodic scans) is the fallback.
import { db } from '@/lib/db';
import { subscribe } from '@/lib/events/events';
import { jobQueued } from '@/lib/jobs/enqueued';
import { jobQueue } from '@/lib/jobs/job-queue';
import { acquireLease, releaseLease } from '@/lib/jobs/lease';
import { createLibraryWatcher, type LibraryWatcherOptions } from './library-watcher';
import { librariesChanged } from './scan-events';
import { scanLibraryJob } from './scan-library-job';

export const WATCH_LEASE = 'library-watch';

export interface WatchLoopOptions extends LibraryWatcherOptions {
  workerId: string;
  intervalMs: number;
  periodicScanMs: number;
  log: { info(msg: string): void; warn(msg: string): void };
}

export function startLibraryWatching(opts: WatchLoopOptions): { stop(): Promise<void> } {
  const enqueueScan = async (libraryId: string) => {
    await db.library.updateMany({ where: { id: libraryId }, data: { scanRequestedAt: new Date() } });
    await jobQueue().enqueue(scanLibraryJob, { libraryId, force: false });
  };
  const watcher = createLibraryWatcher(
    {
      enqueueScan,
      setStatus: async (id, status) => {
        await db.library.updateMany({ where: { id }, data: { watchStatus: status } });
      },
      log: opts.log,
    },
    opts,
  );
  let holding = false;
  let stopped = false;

  const tick = async () => {
    if (stopped) return;
    holding = await acquireLease(WATCH_LEASE, opts.workerId, Math.max(opts.intervalMs * 3, 15_000));
    if (!holding) {
      await watcher.close();
      return;
    }
    const libraries = await db.library.findMany({ select: { id: true, path: true, lastScanAt: true, scanStatus: true } });
    await watcher.sync(libraries);
    const due = Date.now() - opts.periodicScanMs;
    for (const lib of libraries) {
      if (lib.scanStatus === 'idle' && lib.lastScanAt && lib.lastScanAt.getTime() < due) await enqueueScan(lib.id);
    }
  };

  let running = tick().catch((err) => opts.log.warn(`[watch] ${(err as Error).message}`));
  const again = () => {
    running = running.then(tick).catch((err) => opts.log.warn(`[watch] ${(err as Error).message}`));
  };
  const timer = setInterval(again, opts.intervalMs);
  const offChanged = subscribe(librariesChanged, again);
  const offQueued = subscribe(jobQueued, (e) => {
    if (e.name === scanLibraryJob.name && holding) again();
  });

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      offChanged();
      offQueued();
      await running;
      await watcher.close();
      if (holding) await releaseLease(WATCH_LEASE, opts.workerId).catch(() => undefined);
    },
  };
}
