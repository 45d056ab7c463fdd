// The remote scanner's life: find the library (when not named), one full pass, then — unless
// `once` — watch the folder and run a pass after each settled burst of changes, plus a full pass
// every `rescanMs` because watchers miss events (network mounts, a watch limit reached).
// Watching reuses the worker's chokidar watcher (lib/scan/library-watcher.ts): it waits until a
// new file's size is stable and gathers a burst (a move is an unlink plus an add) into one call.
// A pass is a full stat-only comparison with the server, so a pass asked for during another runs
// once more after it, never alongside it.
import { createLibraryWatcher } from '@/lib/scan/library-watcher';
import type { ScannerApi } from './scanner-api';
import { describeCounts, runScanPass, ScannerRefused, type ScanPassDeps } from './scan-pass';

export interface ScannerOptions {
  root: string;
  /** The library's id; when absent the server is asked which library has a folder holding `serverPath`. */
  libraryId?: string;
  /** The scanned folder as the server knows it (default: `root`, the same mount path). */
  serverPath?: string;
  once: boolean;
  rescanMs: number;
  concurrency: number;
  /** How long a changed file's size must stay the same before it is pushed. */
  stableMs?: number;
  debounceMs?: number;
}

export interface RunningScanner {
  /** Resolves when the scanner is done: after one pass with `once`, after `stop()` otherwise. */
  done: Promise<{ failed: number }>;
  stop(): Promise<void>;
}

export async function findLibrary(api: ScannerApi, path: string): Promise<string> {
  const res = await api.call('GET', `/api/v1/library/for-path?path=${encodeURIComponent(path)}`);
  if (res.status !== 200) throw new ScannerRefused(`no --library given, and the server cannot tell which library owns ${path}: ${res.body?.error?.message ?? `HTTP ${res.status}`}`);
  return res.body.id;
}

export async function startScanner(opts: ScannerOptions, deps: ScanPassDeps): Promise<RunningScanner> {
  let libraryId = opts.libraryId;
  if (!libraryId) {
    libraryId = await findLibrary(deps.api, opts.serverPath ?? opts.root);
    deps.log.info(`[scanner] ${opts.serverPath ?? opts.root} belongs to library ${libraryId}`);
  }
  const id = libraryId;
  let failed = 0;
  let stopped = false;
  // The reason of the next pass, when one is asked for (while another runs, it runs after).
  let queued: string | null = null;
  let running: Promise<void> | null = null;
  let finish!: (r: { failed: number }) => void;
  let fail!: (err: unknown) => void;
  const done = new Promise<{ failed: number }>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  async function pass(reason: string) {
    const started = Date.now();
    try {
      const counts = await runScanPass({ root: opts.root, libraryId: id, concurrency: opts.concurrency }, deps);
      failed += counts.failed;
      deps.log.info(`[scanner] pass (${reason}) done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${describeCounts(counts)}`);
    } catch (err) {
      if (err instanceof ScannerRefused) throw err;
      // The folder could not be walked (an unmounted drive): nothing was reported; the next pass tries again.
      deps.log.error(`[scanner] pass (${reason}) failed: ${(err as Error).message}`);
      failed++;
    }
  }

  function requestPass(reason: string) {
    if (stopped) return;
    queued ??= reason;
    if (running) return;
    running = (async () => {
      while (queued && !stopped) {
        const next = queued;
        queued = null;
        await pass(next);
      }
    })()
      .catch(async (err) => {
        await shutdown();
        fail(err);
      })
      .finally(() => {
        running = null;
        // Asked for between the loop's last check and here: run it now.
        const late = queued;
        queued = null;
        if (late) requestPass(late);
      });
  }

  const watcher = opts.once
    ? null
    : createLibraryWatcher(
        {
          enqueueScan: async () => requestPass('changes'),
          setStatus: async (_id, status) => {
            if (status === 'watching') deps.log.info(`[scanner] watching ${opts.root}`);
            else deps.log.warn(`[scanner] watcher: ${status}`);
          },
          log: { info: deps.log.info, warn: deps.log.warn },
        },
        { stableMs: opts.stableMs, debounceMs: opts.debounceMs },
      );
  let timer: NodeJS.Timeout | undefined;

  async function shutdown() {
    stopped = true;
    clearInterval(timer);
    await watcher?.close();
  }

  if (opts.once) {
    void pass('once').then(
      () => finish({ failed }),
      (err) => fail(err),
    );
  } else {
    // Watching starts before the first pass, so nothing changed during it is missed.
    const watched = [{ id, paths: [opts.root] }];
    await watcher!.sync(watched);
    requestPass('start');
    if (opts.rescanMs > 0) {
      timer = setInterval(() => {
        // A watcher closed at the inotify limit is tried again here, once its retry time has come.
        void watcher!.sync(watched).catch((err) => deps.log.warn(`[scanner] watcher: ${(err as Error).message}`));
        requestPass('periodic');
      }, opts.rescanMs);
    }
  }

  return {
    done,
    async stop() {
      await shutdown();
      await running;
      // Stopped on purpose: a watching scanner's earlier failed passes were logged, and retried.
      finish({ failed: opts.once ? failed : 0 });
    },
  };
}
