// The job queue every backend implements: the Job table today, BullMQ on Redis with the scale-out step.
// Backend-agnostic on purpose: no Prisma types, no SQL, nothing a Redis queue could not answer.
import type { z } from 'zod';
import type { JobDefinition } from './define-job';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobRecord {
  id: string;
  name: string;
  payload: unknown;
  status: JobStatus;
  dedupeKey: string | null;
  priority: number;
  /** Incremented when the job is claimed: the attempt in progress, or the number made so far. */
  attempts: number;
  maxAttempts: number;
  /** Not claimed before this time (the retry backoff moves it forward). */
  runAt: Date;
  lockedBy: string | null;
  lockedAt: Date | null;
  progress: number | null;
  progressMessage: string | null;
  cancelRequested: boolean;
  result: unknown;
  /** The last attempt's error; kept on a dead (`failed`) job. */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  /** Overrides the definition's dedupeKey(payload). */
  dedupeKey?: string;
  runAt?: Date;
  /** Higher runs first; default 0. */
  priority?: number;
  maxAttempts?: number;
}

/**
 * What a running job should do next, answered by progress() and renew():
 * keep going, stop because a user cancelled it, or stop because it is no longer ours
 * (it ended, or was recovered as stale and possibly claimed by another worker).
 */
export type RunState = 'running' | 'cancelRequested' | 'lost';

export interface JobQueue {
  /** Parses the payload with the definition's schema (throws on bad input) and queues it. */
  enqueue<S extends z.ZodType>(
    def: JobDefinition<S>,
    payload: z.input<S>,
    opts?: EnqueueOptions,
  ): Promise<{ id: string; deduped: boolean }>;
  /** Atomically takes the next due job with one of these names, or null when none is due. */
  claim(workerId: string, names: readonly string[]): Promise<JobRecord | null>;
  /** Records progress (clamped to 0..1) and renews the lock. */
  progress(id: string, fraction: number, message?: string): Promise<RunState>;
  /** Renews the lock of a job this worker runs; 'lost' when it no longer holds it. */
  renew(id: string, workerId: string): Promise<RunState>;
  complete(id: string, result?: unknown): Promise<void>;
  /**
   * Ends an attempt with an error: back to `queued` with exponential backoff while attempts remain,
   * else `failed` (dead, error kept). `retry: false` makes it dead at once. A job whose cancel was
   * requested ends `cancelled`. Returns the status the job is in afterwards (null: no such job).
   */
  fail(id: string, error: unknown, opts?: { retry?: boolean }): Promise<JobStatus | null>;
  /** Queued → cancelled at once; running → cancelRequested (the runner aborts it). Returns the status afterwards. */
  cancel(id: string): Promise<JobStatus | null>;
  get(id: string): Promise<JobRecord | null>;
  /** Newest first. */
  list(filter?: { status?: JobStatus; name?: string; limit?: number }): Promise<JobRecord[]>;
  /**
   * Running jobs whose lock was not renewed for olderThanMs (their worker died) go back to `queued`,
   * or become dead when they have no attempts left (`cancelled` when a cancel was requested).
   * Returns how many were touched.
   */
  recoverStale(olderThanMs: number): Promise<number>;
  /** Releases the backend's own connections, if it has any. */
  close(): Promise<void>;
}

/** Turns whatever a handler threw into the text stored on the job. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > 8000 ? `${text.slice(0, 8000)}…` : text;
}
