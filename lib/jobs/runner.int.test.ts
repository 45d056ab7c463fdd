import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/lib/db';
import { waitFor } from '@/test/wait-for';
import { holdBackground } from './background-hold';
import { createDbQueue } from './db-queue';
import { type AnyJobDefinition, defineJob } from './define-job';
import { followUp, type PipelineStep, pipelineStep } from './follow-ups';
import type { JobRecord } from './queue';
import { createRegistry } from './registry';
import { type JobLog, type JobRunner, type JobRunnerOptions, startJobRunner } from './runner';
import { systemCleanupJob } from '@/lib/system/system-cleanup-job';

const DAY_MS = 24 * 60 * 60 * 1000;
const queue = createDbQueue({ backoff: { baseMs: 20, maxMs: 200 } });
const numberSchema = z.object({ n: z.number().int() });

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const errors: unknown[] = [];
const log: JobLog = { info() {}, warn() {}, error: (message, err) => errors.push(err ?? message) };
const runners: JobRunner[] = [];

/** The pipeline of the next run() (taken by it). */
const pipeline: PipelineStep[] = [];

function run(defs: AnyJobDefinition[], extra: Partial<JobRunnerOptions> = {}): JobRunner {
  const runner = startJobRunner({
    queue,
    registry: createRegistry(defs, pipeline.splice(0)),
    workerId: 'runner-test',
    pollMs: 20,
    concurrency: 1,
    log,
    checkEveryMs: 20,
    progressEveryMs: 0,
    ...extra,
  });
  runners.push(runner);
  return runner;
}

async function must(id: string): Promise<JobRecord> {
  const job = await queue.get(id);
  if (!job) throw new Error(`job ${id} not found`);
  return job;
}

const ended = (id: string) =>
  waitFor(async () => {
    const job = await must(id);
    return ['completed', 'failed', 'cancelled'].includes(job.status) ? job : null;
  }, { what: `job ${id} to end` });

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  expect(errors.splice(0)).toEqual([]);
});

describe('startJobRunner', () => {
  it('runs a job with its parsed payload, records progress, stores the result', async () => {
    const release = gate();
    const def = defineJob({
      name: 'runner.double',
      schema: z.object({ n: z.number().int(), factor: z.number().default(2) }),
      async handle(payload, { progress, jobId }) {
        await progress(0.5, 'halfway');
        await release.opened;
        return { jobId, value: payload.n * payload.factor };
      },
    });
    run([def]);
    const { id } = await queue.enqueue(def, { n: 21 });
    await waitFor(async () => (await must(id)).progress === 0.5, { what: 'progress' });
    expect(await must(id)).toMatchObject({ status: 'running', progressMessage: 'halfway', lockedBy: 'runner-test' });
    release.open();
    expect(await ended(id)).toMatchObject({ status: 'completed', result: { jobId: id, value: 42 }, progress: 1 });
  });

  it('retries a failing handler, then keeps it dead with its error', async () => {
    const calls = new Map<number, number>();
    const def = defineJob({
      name: 'runner.flaky',
      schema: z.object({ failTimes: z.number().int() }),
      maxAttempts: 3,
      async handle({ failTimes }) {
        const call = (calls.get(failTimes) ?? 0) + 1;
        calls.set(failTimes, call);
        if (call <= failTimes) throw new Error(`flaky failure ${call}`);
        return { call };
      },
    });
    run([def]);
    const recovers = await queue.enqueue(def, { failTimes: 2 });
    const dies = await queue.enqueue(def, { failTimes: 5 });
    expect(await ended(recovers.id)).toMatchObject({ status: 'completed', attempts: 3, result: { call: 3 } });
    const dead = await ended(dies.id);
    expect(dead).toMatchObject({ status: 'failed', attempts: 3 });
    expect(dead.error).toContain('flaky failure 3');
    expect(calls.get(5)).toBe(3);
  });

  it('fails a job whose payload its schema rejects, without retrying', async () => {
    const older = defineJob({ name: 'runner.strict', schema: z.object({ n: z.string() }), handle: async () => 'old' });
    let called = false;
    const current = defineJob({
      name: 'runner.strict',
      schema: numberSchema,
      maxAttempts: 5,
      async handle() {
        called = true;
      },
    });
    const { id } = await queue.enqueue(older, { n: 'not a number' });
    run([current]);
    const job = await ended(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error).toContain('invalid payload');
    expect(called).toBe(false);
  });

  it('runs at most `concurrency` jobs at a time', async () => {
    let active = 0;
    let most = 0;
    const def = defineJob({
      name: 'runner.parallel',
      schema: numberSchema,
      async handle() {
        most = Math.max(most, ++active);
        await new Promise((resolve) => setTimeout(resolve, 40));
        active--;
      },
    });
    run([def], { concurrency: 2 });
    const ids = [];
    for (let n = 0; n < 6; n++) ids.push((await queue.enqueue(def, { n })).id);
    for (const id of ids) expect((await ended(id)).status).toBe('completed');
    expect(most).toBe(2);
  });

  it('stop() waits for running jobs and claims nothing more', async () => {
    const release = gate();
    let started = false;
    const def = defineJob({
      name: 'runner.slow',
      schema: numberSchema,
      async handle() {
        started = true;
        await release.opened;
        return 'done';
      },
    });
    const runner = run([def]);
    const first = await queue.enqueue(def, { n: 1 });
    await waitFor(() => started, { what: 'the handler to start' });
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    const second = await queue.enqueue(def, { n: 2 });
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    expect((await must(first.id)).status).toBe('completed');
    expect((await must(second.id)).status).toBe('queued');
    await queue.cancel(second.id);
  });

  it('aborts running handlers when its shutdown signal fires; the job is retried later', async () => {
    let seen: AbortSignal | undefined;
    const def = defineJob({
      name: 'runner.shutdown',
      schema: numberSchema,
      handle: (_p, { signal }) => {
        seen = signal;
        return new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    });
    const shutdown = new AbortController();
    const runner = run([def], { signal: shutdown.signal });
    const { id } = await queue.enqueue(def, { n: 1 });
    await waitFor(() => seen, { what: 'the handler to start' });
    shutdown.abort();
    await runner.stop();
    expect(seen?.aborted).toBe(true);
    const job = await must(id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job.error).toContain('shutting down');
    await queue.cancel(id);
  });

  it('stops a job another worker took over, without completing it', async () => {
    let seen: AbortSignal | undefined;
    const def = defineJob({
      name: 'runner.takenOver',
      schema: numberSchema,
      handle: (_p, { signal }) => {
        seen = signal;
        return new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    });
    run([def]);
    const { id } = await queue.enqueue(def, { n: 1 });
    await waitFor(() => seen, { what: 'the handler to start' });
    // What recoverStale followed by another worker's claim looks like from this runner's side.
    await db.job.update({ where: { id }, data: { lockedBy: 'other-worker' } });
    await waitFor(() => seen?.aborted, { what: 'the handler to be aborted' });
    await runners.pop()?.stop();
    expect(await must(id)).toMatchObject({ status: 'running', lockedBy: 'other-worker', error: null });
    await queue.complete(id);
  });

  it('runs system.cleanup: old completed jobs, login failures and heartbeats go, the rest stays', async () => {
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms);
    const oldDone = await db.job.create({
      data: { name: 'scan.library', payload: {}, status: 'completed', finishedAt: ago(8 * DAY_MS) },
    });
    const recentDone = await db.job.create({
      data: { name: 'scan.library', payload: {}, status: 'completed', finishedAt: ago(6 * DAY_MS) },
    });
    const oldDead = await db.job.create({
      data: { name: 'scan.library', payload: {}, status: 'failed', error: 'boom', finishedAt: ago(30 * DAY_MS) },
    });
    await db.loginFailure.createMany({
      data: [
        { key: 'old|1.2.3.4', createdAt: ago(2 * DAY_MS) },
        { key: 'fresh|1.2.3.4', createdAt: ago(60_000) },
      ],
    });
    await db.workerHeartbeat.createMany({
      data: [
        { id: 'gone', hostname: 'h', pid: 1, startedAt: ago(3 * DAY_MS), lastBeatAt: ago(2 * DAY_MS) },
        { id: 'alive', hostname: 'h', pid: 2, startedAt: ago(DAY_MS), lastBeatAt: ago(1000) },
      ],
    });

    run([systemCleanupJob]);
    const { id } = await queue.enqueue(systemCleanupJob, {});
    expect(await ended(id)).toMatchObject({
      status: 'completed',
      result: { jobs: 1, loginFailures: 1, heartbeats: 1 },
    });
    expect(await db.job.findUnique({ where: { id: oldDone.id } })).toBeNull();
    expect(await db.job.findUnique({ where: { id: recentDone.id } })).not.toBeNull();
    expect(await db.job.findUnique({ where: { id: oldDead.id } })).not.toBeNull();
    expect((await db.loginFailure.findMany()).map((f) => f.key)).toEqual(['fresh|1.2.3.4']);
    expect((await db.workerHeartbeat.findMany()).map((h) => h.id)).toEqual(['alive']);
  });
  it('queues the follow-ups its pipeline declares once a job succeeds, and stores the result the step keeps', async () => {
    const seen: number[] = [];
    const next = defineJob({ name: 'runner.next', schema: numberSchema, dedupeKey: (p) => `next:${p.n}`, handle: async (p) => void seen.push(p.n) });
    const first = defineJob({
      name: 'runner.first',
      schema: numberSchema,
      async handle(p) {
        if (p.n < 0) throw new Error('no follow-ups after a failure');
        return { made: [p.n, p.n + 1, p.n + 1] };
      },
    });
    pipeline.push(pipelineStep(first, { next: (r) => r.made.map((n) => followUp(next, { n })), keep: (r, queued) => ({ count: r.made.length, queued }) }));
    run([first, next]);
    const { id } = await queue.enqueue(first, { n: 1 }, { maxAttempts: 1 });
    expect(await ended(id)).toMatchObject({ status: 'completed', result: { count: 3, queued: 2 } });
    await waitFor(async () => seen.length === 2, { what: 'both follow-ups to run' });
    expect(seen.sort()).toEqual([1, 2]);

    const failed = await queue.enqueue(first, { n: -5 }, { maxAttempts: 1 });
    expect(await ended(failed.id)).toMatchObject({ status: 'failed' });
    expect(await queue.list({ name: 'runner.next', limit: 10 })).toHaveLength(2);
  });

  it('claims a job queued in its own process at once, without waiting for the next poll', async () => {
    const def = defineJob({ name: 'runner.prompt', schema: numberSchema, handle: async (p) => p.n });
    run([def], { pollMs: 60_000 });
    // Each job is queued while the runner sits in a 60 s pause (after its first empty claim, then
    // after the previous job): only the enqueue signal can end that pause within the wait.
    for (const n of [7, 8]) {
      const { id } = await queue.enqueue(def, { n });
      expect(await ended(id)).toMatchObject({ status: 'completed', result: n });
    }
  });

  it('claims background jobs only while no foreground job runs', async () => {
    const release = gate();
    const order: string[] = [];
    const scan = defineJob({
      name: 'runner.scan',
      schema: numberSchema,
      async handle() {
        order.push('scan started');
        await release.opened;
        order.push('scan done');
      },
    });
    const art = defineJob({ name: 'runner.art', schema: numberSchema, background: true, handle: async () => void order.push('art') });
    run([scan, art], { concurrency: 2 });
    const s1 = await queue.enqueue(scan, { n: 1 });
    await waitFor(async () => (await must(s1.id)).status === 'running', { what: 'the scan to run' });
    const a1 = await queue.enqueue(art, { n: 1 });
    // A second foreground job still gets the free slot while the background one waits.
    const s2 = await queue.enqueue(scan, { n: 2 });
    await waitFor(async () => (await must(s2.id)).status === 'running', { what: 'the second scan to run' });
    expect((await must(a1.id)).status).toBe('queued');
    release.open();
    expect(await ended(a1.id)).toMatchObject({ status: 'completed' });
    expect(order).toEqual(['scan started', 'scan started', 'scan done', 'scan done', 'art']);
  });
  it('runs dedicated jobs outside the shared slots, without holding back background work', async () => {
    const release = gate();
    const session = defineJob({ name: 'runner.session', schema: numberSchema, dedicated: true, handle: async () => release.opened });
    const work = defineJob({ name: 'runner.work', schema: numberSchema, handle: async (p) => p.n });
    const art = defineJob({ name: 'runner.art2', schema: numberSchema, background: true, handle: async (p) => p.n });
    run([session, work, art], { concurrency: 1 });
    const s1 = await queue.enqueue(session, { n: 1 });
    const s2 = await queue.enqueue(session, { n: 2 });
    await waitFor(async () => (await must(s1.id)).status === 'running' && (await must(s2.id)).status === 'running', { what: 'both sessions to run' });
    // The one shared slot is still free for ordinary and background jobs.
    const w = await queue.enqueue(work, { n: 3 });
    expect(await ended(w.id)).toMatchObject({ status: 'completed', result: 3 });
    const a = await queue.enqueue(art, { n: 4 });
    expect(await ended(a.id)).toMatchObject({ status: 'completed', result: 4 });
    release.open();
    expect(await ended(s1.id)).toMatchObject({ status: 'completed' });
  });
  it('claims no background job while this process holds them back', async () => {
    const art = defineJob({ name: 'runner.art3', schema: numberSchema, background: true, handle: async (p) => p.n });
    const release = holdBackground();
    run([art]);
    const a = await queue.enqueue(art, { n: 5 });
    // Two claim rounds at least (poll 20 ms) pass while held: still queued.
    await new Promise((r) => setTimeout(r, 100));
    expect((await must(a.id)).status).toBe('queued');
    release();
    expect(await ended(a.id)).toMatchObject({ status: 'completed', result: 5 });
  });
  it('keeps one shared slot free of background work, and claims foreground work first', async () => {
    const release = gate();
    const art = defineJob({ name: 'runner.art4', schema: numberSchema, background: true, handle: async () => release.opened });
    const scan = defineJob({ name: 'runner.scan4', schema: numberSchema, handle: async (p) => p.n });
    const a1 = await queue.enqueue(art, { n: 1 });
    const a2 = await queue.enqueue(art, { n: 2 });
    const s1 = await queue.enqueue(scan, { n: 3 });
    expect((await must(a1.id)).priority).toBeLessThan((await must(s1.id)).priority);
    run([art, scan], { concurrency: 2 });
    // The scan, queued last, runs first; one background job takes the other slot, the second waits.
    expect(await ended(s1.id)).toMatchObject({ status: 'completed', result: 3 });
    await waitFor(async () => (await must(a1.id)).status === 'running', { what: 'one background job' });
    const s2 = await queue.enqueue(scan, { n: 4 });
    expect(await ended(s2.id)).toMatchObject({ status: 'completed', result: 4 });
    expect((await must(a2.id)).status).toBe('queued');
    release.open();
    expect(await ended(a2.id)).toMatchObject({ status: 'completed' });
  });
});
