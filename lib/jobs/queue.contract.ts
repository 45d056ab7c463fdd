// The behaviour every JobQueue backend must show; each backend's integration test runs this suite.
// makeQueue must return a queue on one shared store, with a retry backoff of at most ~50 ms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { waitFor } from '@/test/wait-for';
import { defineJob } from './define-job';
import type { JobQueue, JobRecord } from './queue';
import { createRegistry } from './registry';
import { startJobRunner, type JobLog } from './runner';

const quiet: JobLog = { info() {}, warn() {}, error() {} };
const numberSchema = z.object({ n: z.number().int() });

/** A job type of its own per test, so claims in one test never see another test's jobs. */
function testJob(verb: string, extra: { maxAttempts?: number; dedupeKey?: (p: { n: number }) => string } = {}) {
  return defineJob({ name: `contract.${verb}`, schema: numberSchema, handle: async (p) => p, ...extra });
}

export function describeQueueContract(name: string, makeQueue: () => Promise<JobQueue>): void {
  describe(`JobQueue contract: ${name}`, () => {
    const opened: JobQueue[] = [];
    let queue: JobQueue;
    const open = async () => {
      const q = await makeQueue();
      opened.push(q);
      return q;
    };
    const must = async (id: string): Promise<JobRecord> => {
      const job = await queue.get(id);
      if (!job) throw new Error(`job ${id} not found`);
      return job;
    };

    beforeAll(async () => {
      queue = await open();
    });
    afterAll(async () => {
      for (const q of opened) await q.close();
    });

    it('enqueues, claims and completes a job', async () => {
      const def = testJob('basic');
      const { id, deduped } = await queue.enqueue(def, { n: 1 });
      expect(deduped).toBe(false);
      expect(await must(id)).toMatchObject({ name: 'contract.basic', status: 'queued', attempts: 0, payload: { n: 1 } });

      expect(await queue.claim('w1', ['contract.somethingElse'])).toBeNull();
      const claimed = await queue.claim('w1', ['contract.somethingElse', 'contract.basic']);
      expect(claimed).toMatchObject({ id, status: 'running', lockedBy: 'w1', attempts: 1, payload: { n: 1 } });
      expect(claimed?.lockedAt).toBeInstanceOf(Date);
      expect(await queue.claim('w2', ['contract.basic'])).toBeNull();

      await queue.complete(id, { ok: true });
      const done = await must(id);
      expect(done).toMatchObject({ status: 'completed', result: { ok: true }, progress: 1 });
      expect(done.finishedAt).toBeInstanceOf(Date);
      expect((await queue.list({ name: 'contract.basic', status: 'completed' })).map((j) => j.id)).toEqual([id]);
      expect(await queue.list({ name: 'contract.basic', status: 'queued' })).toEqual([]);
    });

    it('claims higher priority first and nothing before its runAt', async () => {
      const def = testJob('order');
      const later = await queue.enqueue(def, { n: 1 }, { runAt: new Date(Date.now() + 60 * 60 * 1000) });
      const low = await queue.enqueue(def, { n: 2 });
      const high = await queue.enqueue(def, { n: 3 }, { priority: 5 });
      expect((await queue.claim('w1', ['contract.order']))?.id).toBe(high.id);
      expect((await queue.claim('w1', ['contract.order']))?.id).toBe(low.id);
      expect(await queue.claim('w1', ['contract.order'])).toBeNull();
      await queue.complete(high.id);
      await queue.complete(low.id);
      expect(await queue.cancel(later.id)).toBe('cancelled');
    });

    it('claims each job exactly once under concurrent claimers', async () => {
      const def = testJob('race');
      const ids: string[] = [];
      for (let n = 0; n < 30; n++) ids.push((await queue.enqueue(def, { n })).id);
      const other = await open();
      const claimedBy = new Map<string, string[]>();
      const claimer = async (q: JobQueue, workerId: string) => {
        const got: string[] = [];
        claimedBy.set(workerId, got);
        for (;;) {
          const job = await q.claim(workerId, ['contract.race']);
          if (job) got.push(job.id);
          else if ((await q.list({ name: 'contract.race', status: 'queued' })).length === 0) return;
        }
      };
      await Promise.all([claimer(queue, 'a1'), claimer(other, 'b1'), claimer(queue, 'a2'), claimer(other, 'b2')]);

      const all = [...claimedBy.values()].flat();
      expect(all.length).toBe(ids.length);
      expect([...all].sort()).toEqual([...ids].sort());
      for (const [workerId, got] of claimedBy) {
        for (const id of got) expect(await must(id)).toMatchObject({ status: 'running', lockedBy: workerId, attempts: 1 });
      }
      for (const id of ids) await queue.complete(id);
    });

    it('deduplicates while a job is live, not after it ended', async () => {
      const def = testJob('dedupe', { dedupeKey: (p) => `dedupe:${p.n}` });
      const first = await queue.enqueue(def, { n: 1 });
      expect(await queue.enqueue(def, { n: 1 })).toEqual({ id: first.id, deduped: true });
      expect(await queue.enqueue(def, { n: 7 }, { dedupeKey: 'dedupe:1' })).toEqual({ id: first.id, deduped: true });

      expect((await queue.claim('w1', ['contract.dedupe']))?.id).toBe(first.id);
      expect(await queue.enqueue(def, { n: 1 })).toEqual({ id: first.id, deduped: true });

      await queue.complete(first.id);
      const second = await queue.enqueue(def, { n: 1 });
      expect(second.deduped).toBe(false);
      expect(second.id).not.toBe(first.id);
      expect((await must(second.id)).dedupeKey).toBe('dedupe:1');

      const racing = await Promise.all(Array.from({ length: 6 }, () => queue.enqueue(def, { n: 2 })));
      expect(new Set(racing.map((r) => r.id)).size).toBe(1);
      expect(racing.filter((r) => !r.deduped)).toHaveLength(1);
      expect(await queue.list({ name: 'contract.dedupe', status: 'queued' })).toHaveLength(2);
    });

    it('retries with a growing runAt, then keeps the job dead with its error', async () => {
      const def = testJob('retry', { maxAttempts: 3, dedupeKey: () => 'retry' });
      const { id } = await queue.enqueue(def, { n: 1 });
      let previousRunAt = (await must(id)).runAt.getTime();
      for (let attempt = 1; attempt <= 3; attempt++) {
        const job = await waitFor(() => queue.claim('w1', ['contract.retry']), { what: `attempt ${attempt}` });
        expect(job).toMatchObject({ id, attempts: attempt });
        const before = Date.now();
        const status = await queue.fail(id, new Error(`boom ${attempt}`));
        const after = await must(id);
        expect(after.error).toContain(`boom ${attempt}`);
        if (attempt < 3) {
          expect(status).toBe('queued');
          expect(after).toMatchObject({ status: 'queued', attempts: attempt, lockedBy: null });
          expect(after.runAt.getTime()).toBeGreaterThan(before);
          expect(after.runAt.getTime()).toBeGreaterThan(previousRunAt);
          previousRunAt = after.runAt.getTime();
        } else {
          expect(status).toBe('failed');
          expect(after).toMatchObject({ status: 'failed', attempts: 3 });
          expect(after.finishedAt).toBeInstanceOf(Date);
        }
      }
      expect(await queue.claim('w1', ['contract.retry'])).toBeNull();
      expect((await queue.enqueue(def, { n: 1 })).deduped).toBe(false);
    });

    it('fails without retry when asked, and honours maxAttempts from enqueue', async () => {
      const def = testJob('noRetry', { maxAttempts: 5 });
      const a = await queue.enqueue(def, { n: 1 });
      await queue.claim('w1', ['contract.noRetry']);
      expect(await queue.fail(a.id, new Error('bad input'), { retry: false })).toBe('failed');

      const b = await queue.enqueue(def, { n: 2 }, { maxAttempts: 1 });
      expect((await queue.claim('w1', ['contract.noRetry']))?.id).toBe(b.id);
      expect(await queue.fail(b.id, 'plain string error')).toBe('failed');
      expect((await must(b.id)).error).toContain('plain string error');
      expect(await queue.fail('no-such-job', new Error('x'))).toBeNull();
    });

    it('records progress and tells the runner what to do', async () => {
      const { id } = await queue.enqueue(testJob('progress'), { n: 1 });
      await queue.claim('w1', ['contract.progress']);
      expect(await queue.progress(id, 0.25, 'a quarter')).toBe('running');
      expect(await must(id)).toMatchObject({ progress: 0.25, progressMessage: 'a quarter' });
      expect(await queue.progress(id, 1.5)).toBe('running');
      expect(await must(id)).toMatchObject({ progress: 1, progressMessage: 'a quarter' });

      expect(await queue.renew(id, 'w1')).toBe('running');
      expect(await queue.renew(id, 'someone-else')).toBe('lost');
      expect(await queue.cancel(id)).toBe('running');
      expect(await queue.progress(id, 0.5)).toBe('cancelRequested');
      expect(await queue.renew(id, 'w1')).toBe('cancelRequested');

      await queue.complete(id);
      expect(await queue.progress(id, 0.5)).toBe('lost');
    });

    it('cancels a queued job at once', async () => {
      const def = testJob('cancelQueued', { dedupeKey: () => 'cancel-queued' });
      const { id } = await queue.enqueue(def, { n: 1 });
      expect(await queue.cancel(id)).toBe('cancelled');
      expect((await must(id)).finishedAt).toBeInstanceOf(Date);
      expect(await queue.claim('w1', ['contract.cancelQueued'])).toBeNull();
      expect((await queue.enqueue(def, { n: 1 })).deduped).toBe(false);

      const done = await queue.enqueue(testJob('cancelDone'), { n: 1 });
      await queue.claim('w1', ['contract.cancelDone']);
      await queue.complete(done.id);
      expect(await queue.cancel(done.id)).toBe('completed');
      expect(await queue.cancel('no-such-job')).toBeNull();
    });

    it('cancels a running job: the runner aborts its signal', async () => {
      let seen: AbortSignal | undefined;
      const def = defineJob({
        name: 'contract.cancelRunning',
        schema: numberSchema,
        handle: (_p, { signal }) => {
          seen = signal;
          return new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        },
      });
      const runner = startJobRunner({
        queue,
        registry: createRegistry([def]),
        workerId: 'contract-runner',
        pollMs: 20,
        concurrency: 1,
        log: quiet,
        checkEveryMs: 20,
      });
      try {
        const { id } = await queue.enqueue(def, { n: 1 });
        await waitFor(() => seen, { what: 'the handler to start' });
        expect(await queue.cancel(id)).toBe('running');
        expect((await must(id)).cancelRequested).toBe(true);
        const ended = await waitFor(async () => ((await must(id)).status === 'cancelled' ? must(id) : null));
        expect(seen?.aborted).toBe(true);
        expect(ended.finishedAt).toBeInstanceOf(Date);
        expect(ended.error).toContain('cancelled');
      } finally {
        await runner.stop();
      }
    });

    it('notices a cancel when the handler reports progress', async () => {
      const def = defineJob({
        name: 'contract.cancelByProgress',
        schema: numberSchema,
        handle: async (_p, { signal, progress }) => {
          for (let step = 0; !signal.aborted; step++) {
            await progress(Math.min(step / 1000, 1));
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          signal.throwIfAborted();
        },
      });
      const runner = startJobRunner({
        queue,
        registry: createRegistry([def]),
        workerId: 'contract-runner',
        pollMs: 20,
        concurrency: 1,
        log: quiet,
        checkEveryMs: 60_000,
        progressEveryMs: 0,
      });
      try {
        const { id } = await queue.enqueue(def, { n: 1 });
        await waitFor(async () => (await must(id)).progress, { what: 'progress' });
        await queue.cancel(id);
        await waitFor(async () => (await must(id)).status === 'cancelled', { what: 'the job to end cancelled' });
      } finally {
        await runner.stop();
      }
    });

    it('validates the payload at enqueue and stores the parsed one', async () => {
      const def = defineJob({
        name: 'contract.validate',
        schema: z.object({ n: z.number().int(), tag: z.string().default('none') }),
        handle: async () => undefined,
      });
      await expect(queue.enqueue(def, { n: 'one' } as unknown as { n: number })).rejects.toThrow();
      await expect(queue.enqueue(def, {} as { n: number })).rejects.toThrow();
      expect(await queue.list({ name: 'contract.validate' })).toEqual([]);

      const { id } = await queue.enqueue(def, { n: 1, extra: true } as { n: number });
      expect((await must(id)).payload).toEqual({ n: 1, tag: 'none' });
    });

    it('puts jobs whose lock went stale back in the queue, dead when out of attempts', async () => {
      const def = testJob('stale', { maxAttempts: 2, dedupeKey: () => 'stale' });
      const { id } = await queue.enqueue(def, { n: 1 });
      const claimed = await queue.claim('dead-worker', ['contract.stale']);
      expect(claimed?.id).toBe(id);

      await queue.recoverStale(60_000);
      expect((await must(id)).status).toBe('running');

      await waitFor(async () => {
        await queue.recoverStale(30);
        return (await must(id)).status === 'queued';
      });
      expect(await must(id)).toMatchObject({ lockedBy: null, attempts: 1 });
      expect((await queue.enqueue(def, { n: 1 })).deduped).toBe(true);

      const again = await queue.claim('dead-worker-2', ['contract.stale']);
      expect(again).toMatchObject({ id, attempts: 2 });
      await waitFor(async () => {
        await queue.recoverStale(30);
        return (await must(id)).status === 'failed';
      });
      expect((await must(id)).error).toMatch(/stopped/);
      expect((await queue.enqueue(def, { n: 1 })).deduped).toBe(false);

      const doomed = await queue.enqueue(testJob('staleCancelled'), { n: 1 });
      await queue.claim('dead-worker', ['contract.staleCancelled']);
      expect(await queue.cancel(doomed.id)).toBe('running');
      await waitFor(async () => {
        await queue.recoverStale(30);
        return (await must(doomed.id)).status === 'cancelled';
      });
    });

    it('leaves a job alone while its lock is renewed', async () => {
      const { id } = await queue.enqueue(testJob('renewed'), { n: 1 });
      const claimedAt = Date.now();
      await queue.claim('live-worker', ['contract.renewed']);
      await waitFor(() => Date.now() - claimedAt > 100, { what: '100 ms to pass' });
      expect(await queue.renew(id, 'live-worker')).toBe('running');
      await queue.recoverStale(80);
      expect(await must(id)).toMatchObject({ status: 'running', lockedBy: 'live-worker' });
      await queue.complete(id);
    });
  });
}
