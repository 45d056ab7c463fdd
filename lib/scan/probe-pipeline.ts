// Probes files in parallel and hands the results to a writer in batches while probing goes on, so
// the database writes overlap the (process-start-bound) probes instead of following them. Batches
// keep input order — a batch holds only results whose predecessors are all written or in it — so
// "the first file of a new item supplies its fields" means the same as in a one-by-one scan.
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface ProbePipelineOptions<T, R> {
  concurrency: number;
  signal?: AbortSignal;
  /** Write once this many results are ready (default 100)… */
  batchSize?: number;
  /** …or once results have waited this long (default 1 s). */
  writeEveryMs?: number;
  probe(item: T): Promise<R>;
  /** After each probe, with how many are done; awaited before that prober takes the next item. */
  probed?(done: number, total: number): Promise<void> | void;
  /** One batch at a time, never concurrently. */
  write(batch: R[]): Promise<void>;
}

/** Resolves when every item is probed and written; rejects with the first error (probing and writing stop). */
export async function probeAndWrite<T, R>(items: readonly T[], options: ProbePipelineOptions<T, R>): Promise<void> {
  const { signal } = options;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const writeEveryMs = options.writeEveryMs ?? 1_000;
  const results: (R | undefined)[] = new Array(items.length);
  const finished = new Uint8Array(items.length);
  let next = 0;
  let done = 0;
  let ready = 0; // results[0, ready) are all probed
  let written = 0;
  let probing = true;
  let failure = null as { error: unknown } | null;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    notify();
  };

  async function prober(): Promise<void> {
    while (!failure && next < items.length) {
      signal?.throwIfAborted();
      const i = next++;
      results[i] = await options.probe(items[i]);
      finished[i] = 1;
      done++;
      while (ready < items.length && finished[ready]) ready++;
      notify();
      await options.probed?.(done, items.length);
    }
  }

  async function writer(): Promise<void> {
    let lastWriteAt = Date.now();
    for (;;) {
      if (failure) return;
      const pending = ready - written;
      if (pending === 0 && !probing) return;
      const waited = Date.now() - lastWriteAt;
      if (pending >= batchSize || (pending > 0 && (!probing || waited >= writeEveryMs))) {
        signal?.throwIfAborted();
        const end = written + Math.min(pending, batchSize);
        await options.write(results.slice(written, end) as R[]);
        results.fill(undefined, written, end);
        written = end;
        lastWriteAt = Date.now();
        // On SQLite a write runs synchronously under its promises: without a turn of the event loop
        // between batches, timers (the job's lock renewal, the worker heartbeat) never fire.
        await nextTurn();
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = pending > 0 ? setTimeout(notify, writeEveryMs - waited) : undefined;
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  const writing = writer().catch(fail);
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.concurrency), items.length) }, () => prober().catch(fail)));
  probing = false;
  notify();
  await writing;
  if (failure) throw failure.error;
}
