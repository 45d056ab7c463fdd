// chokidar per library. Watchers only enqueue: an event (filtered to video files and folders)
// waits until the file's size is stable, then a short debounce gathers a burst (a move is an
// unlink plus an add) into one incremental scan, which follows moves by inode.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
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
}

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
    const watcher = watch(lib.paths, {
      ignoreInitial: true,
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
      const status = describeWatchError(err as NodeJS.ErrnoException);
      deps.log.warn(`[watch] ${lib.paths.join(', ')}: ${status}`);
      deps.setStatus(lib.id, status).catch(() => undefined);
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
      for (const lib of libraries) if (!active.has(lib.id) && lib.paths.length > 0) start(lib);
    },
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
