// Boots a worker: checks its job types, reports a heartbeat, puts jobs of dead workers back in the
// queue, schedules the recurring jobs and runs the queue. The scanner-worker entry point calls this.
import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { disconnectDb } from '@/lib/db';
import type { AnyJobDefinition } from './define-job';
import type { PipelineStep } from './follow-ups';
import { beat } from './heartbeat';
import type { JobQueue } from './queue';
import { createRegistry } from './registry';
import { startJobRunner, type JobLog } from './runner';
import { startSchedule, type ScheduledJob } from './schedule';

export interface WorkerOptions {
  queue: JobQueue;
  definitions: readonly AnyJobDefinition[];
  /** Which jobs follow which (queued after a success). */
  pipeline?: readonly PipelineStep[];
  scheduled: readonly ScheduledJob[];
  heartbeatMs: number;
  pollMs: number;
  log: JobLog;
  concurrency?: number;
  workerId?: string;
}

export interface Worker {
  workerId: string;
  jobTypes: number;
  /**
   * Stops scheduling and claiming, waits for running jobs (aborting them once `graceMs` has passed),
   * then closes the queue and the database connection: the process is about to end.
   */
  stop(opts?: { graceMs?: number }): Promise<void>;
}

export function createWorkerId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** A lock not renewed for this long means its worker is gone (renewals happen every heartbeat or 2 s). */
export function staleAfterMs(heartbeatMs: number): number {
  return Math.max(heartbeatMs * 6, 30_000);
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { queue, heartbeatMs, log } = options;
  const registry = createRegistry(options.definitions, options.pipeline);
  registry.assertHandlersFor(options.scheduled.map((s) => s.name));
  const workerId = options.workerId ?? createWorkerId();
  const staleMs = staleAfterMs(heartbeatMs);

  async function tick() {
    await beat(workerId);
    const recovered = await queue.recoverStale(staleMs);
    if (recovered > 0) log.warn(`[jobs] recovered ${recovered} job(s) whose worker stopped`);
  }
  await tick();

  let ticking = false;
  const heartbeat = setInterval(async () => {
    if (ticking) return;
    ticking = true;
    try {
      await tick();
    } catch (err) {
      log.error('[jobs] heartbeat failed', err);
    } finally {
      ticking = false;
    }
  }, heartbeatMs);

  const stopSchedule = startSchedule(queue, options.scheduled, log);
  const shutdown = new AbortController();
  const runner = startJobRunner({
    queue,
    registry,
    workerId,
    pollMs: options.pollMs,
    concurrency: options.concurrency ?? availableParallelism(),
    signal: shutdown.signal,
    log,
    checkEveryMs: Math.min(heartbeatMs, 2_000),
  });

  return {
    workerId,
    jobTypes: registry.names().length,
    async stop({ graceMs = 10_000 } = {}) {
      stopSchedule();
      const grace = setTimeout(() => shutdown.abort(), graceMs);
      try {
        await runner.stop();
      } finally {
        clearTimeout(grace);
        clearInterval(heartbeat);
      }
      await queue.close();
      await disconnectDb();
    },
  };
}
