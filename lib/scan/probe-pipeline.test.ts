import { describe, expect, it } from 'vitest';
import { probeAndWrite } from './probe-pipeline';

/** A probe whose result the test hands out when it wants. */
function controlledProbes() {
  const waiting = new Map<number, (n: number) => void>();
  let started: (() => void) | undefined;
  return {
    probe: (n: number) =>
      new Promise<number>((resolve) => {
        waiting.set(n, resolve);
        started?.();
      }),
    finish(n: number) {
      const resolve = waiting.get(n);
      if (!resolve) throw new Error(`probe ${n} not started`);
      waiting.delete(n);
      resolve(n);
    },
    async started(n: number) {
      while (!waiting.has(n)) await new Promise<void>((r) => (started = r));
    },
  };
}

describe('probeAndWrite', () => {
  it('writes full batches in input order while probing goes on', async () => {
    const probes = controlledProbes();
    const batches: number[][] = [];
    let wrote: (() => void) | undefined;
    const run = probeAndWrite([0, 1, 2, 3, 4], {
      concurrency: 2,
      batchSize: 2,
      writeEveryMs: 60_000,
      probe: probes.probe,
      async write(batch) {
        batches.push(batch);
        wrote?.();
      },
    });
    await probes.started(1);
    probes.finish(1); // out of order: nothing is written before 0 is done
    await probes.started(2);
    expect(batches).toEqual([]);
    probes.finish(0);
    while (batches.length === 0) await new Promise<void>((r) => (wrote = r));
    expect(batches).toEqual([[0, 1]]);
    await probes.started(3);
    probes.finish(2);
    probes.finish(3);
    await probes.started(4);
    probes.finish(4);
    await run;
    expect(batches).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('writes a partial batch once results have waited long enough', async () => {
    const probes = controlledProbes();
    const batches: number[][] = [];
    let wrote: (() => void) | undefined;
    const run = probeAndWrite([0, 1, 2], {
      concurrency: 1,
      batchSize: 100,
      writeEveryMs: 20,
      probe: probes.probe,
      async write(batch) {
        batches.push(batch);
        wrote?.();
      },
    });
    await probes.started(0);
    probes.finish(0);
    await probes.started(1); // item 1 stays in its probe while 0 is written
    while (batches.length === 0) await new Promise<void>((r) => (wrote = r));
    expect(batches).toEqual([[0]]);
    probes.finish(1);
    await probes.started(2);
    probes.finish(2);
    await run;
    expect(batches.flat()).toEqual([0, 1, 2]);
  });

  it('lets timers run between batches even when every step is a resolved promise', async () => {
    // better-sqlite3 behind Prisma: each query is synchronous under its promise.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const ticksWhileWriting: number[] = [];
    try {
      await probeAndWrite(
        Array.from({ length: 40 }, (_, i) => i),
        {
          concurrency: 2,
          batchSize: 5,
          probe: async (n) => n,
          async write() {
            ticksWhileWriting.push(ticks);
            const until = Date.now() + 5; // CPU-bound work, as a write batch is
            while (Date.now() < until);
          },
        },
      );
    } finally {
      clearInterval(timer);
    }
    expect(ticksWhileWriting).toHaveLength(8);
    expect(ticksWhileWriting.at(-1)).toBeGreaterThan(0);
  });

  it('stops probing and rejects when a write fails; nothing is written after an abort', async () => {
    let probed = 0;
    const failing = probeAndWrite(
      Array.from({ length: 50 }, (_, i) => i),
      {
        concurrency: 2,
        batchSize: 5,
        probe: async (n) => {
          probed++;
          return n;
        },
        write: async () => {
          throw new Error('disk full');
        },
      },
    );
    await expect(failing).rejects.toThrow('disk full');
    expect(probed).toBeLessThan(50);

    const controller = new AbortController();
    const written: number[] = [];
    const aborted = probeAndWrite([0, 1, 2, 3], {
      concurrency: 1,
      batchSize: 1,
      signal: controller.signal,
      probe: async (n) => {
        if (n === 1) controller.abort(new Error('job lock lost'));
        return n;
      },
      write: async (batch) => void written.push(...batch),
    });
    await expect(aborted).rejects.toThrow('job lock lost');
    expect(written.length).toBeLessThanOrEqual(1);
  });
});
