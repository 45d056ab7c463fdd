// The worker's watch loop: the worker holding the `library-watch` lease watches every library
// and runs the periodic stat-diff scan that catches what events miss (network mounts). A library
// added, changed or deleted in the web (`libraries.changed`, sent by lib/library/edit-library.ts)
// is picked up at once; the tick (lease renewal, periodic scans) is the fallback.
import { db } from '@/lib/db';
import { subscribe } from '@/lib/events/events';
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

export function startLibraryWatching(opts: WatchLoopOptions): { stop(): Promise<void>; watching(): string[] } {
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
    const libraries = await db.library.findMany({ select: { id: true, lastScanAt: true, scanStatus: true, scanIntervalMinutes: true, folders: { select: { path: true } } } });
    // A deleted library is gone from this list: sync closes its watcher.
    await watcher.sync(libraries.map((l) => ({ id: l.id, paths: l.folders.map((f) => f.path) })));
    for (const lib of libraries) {
      // Each library's own interval (0: watching only), else SCAN_INTERVAL_MINUTES.
      // A library whose watcher hit a limit is scanned periodically even when set to "watching only".
      const own = lib.scanIntervalMinutes === null ? opts.periodicScanMs : lib.scanIntervalMinutes * 60_000;
      const everyMs = own > 0 ? own : watcher.failing(lib.id) ? opts.periodicScanMs : 0;
      if (everyMs > 0 && lib.scanStatus === 'idle' && lib.lastScanAt && lib.lastScanAt.getTime() < Date.now() - everyMs) await enqueueScan(lib.id);
    }
  };

  let running = tick().catch((err) => opts.log.warn(`[watch] ${(err as Error).message}`));
  const again = () => {
    running = running.then(tick).catch((err) => opts.log.warn(`[watch] ${(err as Error).message}`));
  };
  const timer = setInterval(again, opts.intervalMs);
  const offChanged = subscribe(librariesChanged, again);

  return {
    /** The folders watched right now. */
    watching: () => watcher.watching(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      offChanged();
      await running;
      await watcher.close();
      if (holding) await releaseLease(WATCH_LEASE, opts.workerId).catch(() => undefined);
    },
  };
}
