// chokidar per library. Watchers only enqueue: an event (filtered to video files and folders)
// waits until the file's size is stable, then a short debounce gathers a burst (a move is an
// unlink plus an add) into one incremental scan, which follows moves by inode.
// Watchers never follow symlinks (the scan does, inside the library only), so they cannot wander
// out of the library or round a loop. A watcher that hits the inotify or descriptor limit is
// closed (a half-set of watches holds resources and misses changes anyway): the library says so,
// periodic scans take over, and watching is tried again after `retryMs`.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { noteFdExhaustion } from '@/lib/errors/fd-exhaustion';
import { isVideoFile } from './walk-library';

export interface WatchedLibrary {
  id: string;
  /** Every folder of the library: one watcher covers them all. */
  paths: string[];
}

export interface LibraryWatcherDeps {
  enqueueScan(libraryId: string): Promise<void>;
  setStatus(libraryId: string, status: string): Promise<void>;
  log: { info(msg: string): void; warn(msg: string): void };
}

export interface LibraryWatcherOptions {
  /** How long a file's size must stay the same before it counts (copies in progress are not probed). */
  stableMs?: number;
  debounceMs?: number;
  /** After a watch limit was hit, watching that library is tried again this much later (default 10 min). */
  retryMs?: number;
  /** Makes the file watcher: chokidar's `watch` (the default). Tests wrap it to reach the errors a kernel limit gives. */
  watchFolders?: typeof watch;
}

/** Errors after which a watcher is closed and the library left to periodic scans. */
const LIMIT_CODES = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

export function describeWatchError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOSPC') {
    return 'error: the inotify watch limit is reached. Raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (and in /etc/sysctl.conf to keep it). Periodic scans still catch changes.';
  }
  if (err.code === 'EMFILE') return 'error: too many open files; raise the limit (ulimit -n). Periodic scans still catch changes.';
  return `error: ${err.code ?? err.message}. Periodic scans still catch changes.`;
}

const folderKey = (lib: WatchedLibrary) => [...lib.paths].sort().join('\n');

export function createLibraryWatcher(deps: LibraryWatcherDeps, opts: LibraryWatcherOptions = {}) {
  const stableMs = opts.stableMs ?? 2000;
  const debounceMs = opts.debounceMs ?? 200;
  const retryMs = opts.retryMs ?? 10 * 60_000;
  const watchFolders = opts.watchFolders ?? watch;
  // Libraries whose watcher hit a limit: not watched again (same folders) until `until`.
  const failed = new Map<string, { key: string; until: number }>();
  const active = new Map<string, { key: string; paths: string[]; watcher: FSWatcher; timer?: NodeJS.Timeout }>();
  // Files being written: path → last size seen and since when; scanned once stable.
  const pending = new Map<string, { libraryId: string; size: number; since: number }>();
  let poller: NodeJS.Timeout | undefined;

  function pollPending() {
    poller = undefined;
    const now = Date.now();
    Promise.all(
      [...pending].map(async ([path, p]) => {
        const size = await stat(path).then((st) => st.size, () => -1);
        if (size === -1) {
          pending.delete(path); // gone while being written: the scan will see what is there
          schedule(p.libraryId);
        } else if (size !== p.size) pending.set(path, { ...p, size, since: now });
        else if (now - p.since >= stableMs) {
          pending.delete(path);
          schedule(p.libraryId);
        }
      }),
    ).finally(() => {
      if (pending.size > 0 && !poller) poller = setTimeout(pollPending, Math.min(250, Math.max(stableMs, 10)));
    });
  }

  function track(libraryId: string, path: string, size = -2) {
    // The event's own size starts the stability clock now, not at the first poll.
    pending.set(path, { libraryId, size, since: Date.now() });
    if (!poller) poller = setTimeout(pollPending, Math.min(250, Math.max(stableMs, 10)));
  }

  function schedule(id: string) {
    const entry = active.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      deps.enqueueScan(id).catch((err) => deps.log.warn(`[watch] could not queue a scan of ${id}: ${(err as Error).message}`));
    }, debounceMs);
  }

  function start(lib: WatchedLibrary) {
    const watcher = watchFolders(lib.paths, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (path, stats) => basename(path).startsWith('.') || (stats?.isFile() === true && !isVideoFile(basename(path))),
    });
    // New or growing files wait until their size is stable; removals and folder changes go at once.
    for (const event of ['add', 'change'] as const) {
      watcher.on(event, (path, stats) => {
        if (stats) track(lib.id, path, stats.size);
        else void stat(path).then((st) => track(lib.id, path, st.size), () => track(lib.id, path));
      });
    }
    for (const event of ['unlink', 'unlinkDir', 'addDir'] as const) watcher.on(event, () => schedule(lib.id));
    watcher.on('error', (err) => {
      const e = err as NodeJS.ErrnoException;
      noteFdExhaustion(e);
      const status = describeWatchError(e);
      deps.log.warn(`[watch] ${lib.paths.join(', ')}: ${status}`);
      deps.setStatus(lib.id, status).catch(() => undefined);
      if (e.code && LIMIT_CODES.has(e.code) && active.get(lib.id)?.watcher === watcher) {
        failed.set(lib.id, { key: folderKey(lib), until: Date.now() + retryMs });
        deps.log.warn(`[watch] stopped watching ${lib.paths.join(', ')}; periodic scans catch changes, watching is tried again in ${Math.round(retryMs / 60_000)} min`);
        void stop(lib.id);
      }
    });
    watcher.on('ready', () => deps.setStatus(lib.id, 'watching').catch(() => undefined));
    active.set(lib.id, { key: folderKey(lib), paths: lib.paths, watcher });
  }

  async function stop(id: string) {
    const entry = active.get(id);
    if (!entry) return;
    active.delete(id);
    clearTimeout(entry.timer);
    // Files still settling in a removed or changed library are no longer this watcher's business.
    for (const [path, p] of pending) if (p.libraryId === id) pending.delete(path);
    await entry.watcher.close();
  }

  return {
    /** Watches exactly these libraries: starts new ones, restarts ones whose folders changed, stops removed ones. */
    async sync(libraries: WatchedLibrary[]) {
      const wanted = new Map(libraries.map((l) => [l.id, l]));
      for (const [id, entry] of active) {
        const lib = wanted.get(id);
        if (!lib || folderKey(lib) !== entry.key) await stop(id);
      }
      for (const [id, f] of failed) if (!wanted.has(id) || f.until <= Date.now() || folderKey(wanted.get(id)!) !== f.key) failed.delete(id);
      for (const lib of libraries) if (!active.has(lib.id) && !failed.has(lib.id) && lib.paths.length > 0) start(lib);
    },
    /** True while this library's watcher is off after hitting a limit (periodic scans stand in). */
    failing: (id: string) => failed.has(id),
    /** Every folder being watched. */
    watching: () => [...active.values()].flatMap((a) => a.paths),
    async close() {
      clearTimeout(poller);
      poller = undefined;
      pending.clear();
      for (const id of [...active.keys()]) await stop(id);
    },
  };
}
