// Work that follows a job's success, declared in one place — the worker's pipeline table
// (scanner-worker/jobs.ts) — instead of being queued inside handlers: a scan does not import the
// metadata job, the table says "scan.library → metadata.local for the items it touched". The
// runner queues the follow-ups once the handler has succeeded, then stores the result the step keeps.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import type { AnyJobDefinition, JobDefinition } from './define-job';
import type { JobQueue } from './queue';

/** One job to queue: its definition and its payload (parsed by the queue at enqueue). */
export interface FollowUp {
  job: AnyJobDefinition;
  payload: unknown;
}

export interface PipelineStep {
  /** The job whose success this step follows. */
  after: string;
  /** The jobs to queue, from the finished job's result. */
  next(result: unknown): Iterable<FollowUp>;
  /** The result stored for the finished job, given how many follow-ups were queued (deduplicated ones not counted). */
  keep(result: unknown, queued: number): unknown;
}

export function followUp<S extends z.ZodType>(job: JobDefinition<S, unknown>, payload: z.input<S>): FollowUp {
  return { job: job as AnyJobDefinition, payload };
}

/** Declares what follows `after`; `keep` defaults to storing the result as it is. */
export function pipelineStep<S extends z.ZodType, R>(
  after: JobDefinition<S, R>,
  step: { next(result: R): Iterable<FollowUp>; keep?(result: R, queued: number): unknown },
): PipelineStep {
  return {
    after: after.name,
    next: (result) => step.next(result as R),
    keep: (result, queued) => (step.keep ? step.keep(result as R, queued) : result),
  };
}

const CHUNK = 200;

/**
 * Queues a finished job's follow-ups and returns the result to store for it. Thousands of enqueues
 * are thousands of synchronous SQLite writes: a turn of the event loop every 200 of them, so the
 * finished job's lock renewal still runs.
 */
export async function queueFollowUps(queue: JobQueue, step: PipelineStep, result: unknown): Promise<unknown> {
  let queued = 0;
  let inChunk = 0;
  for (const { job, payload } of step.next(result)) {
    if (!(await queue.enqueue(job, payload)).deduped) queued++;
    if (++inChunk === CHUNK) {
      inChunk = 0;
      await nextTurn();
    }
  }
  return step.keep(result, queued);
}
