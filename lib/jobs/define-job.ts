// Typed job definitions: a name (`<domain>.<verb>`), a zod schema for the payload and a handler.
// The payload is parsed at enqueue (bad input never reaches the queue) and again at run
// (a row written by an older version of the schema fails cleanly instead of half-running).
import type { z } from 'zod';

export interface JobContext {
  jobId: string;
  /** Aborted when the job is cancelled, the worker shuts down, or another worker took the job over. */
  signal: AbortSignal;
  /** Reports progress (0..1); cheap to call often: writes are throttled by the runner. */
  progress(fraction: number, message?: string): Promise<void>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  /** Must accept its own output: the parsed payload is what gets stored, and it is parsed again at run. */
  schema: S;
  handle(payload: z.output<S>, ctx: JobContext): Promise<R>;
  /** Attempts before the job is dead (status `failed`); default 3. */
  maxAttempts?: number;
  /** At most one live (queued or running) job per key, e.g. `scan:<libraryId>`. */
  dedupeKey?(payload: z.output<S>): string;
  /**
   * Background work (enrichment, artwork): a runner claims it only while no foreground job runs,
   * so it never takes CPU from a scan or a transcode that is already using every core.
   */
  background?: boolean;
  /**
   * Long-lived work that waits on something outside (a stream session lasting as long as someone
   * watches): it runs outside the shared slots, so it never blocks scans; its own limit is enforced
   * where it is queued.
   */
  dedicated?: boolean;
}

export type AnyJobDefinition = JobDefinition<z.ZodType, unknown>;

export const DEFAULT_MAX_ATTEMPTS = 3;

const JOB_NAME = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

export function defineJob<S extends z.ZodType, R>(def: JobDefinition<S, R>): JobDefinition<S, R> {
  if (!JOB_NAME.test(def.name)) {
    throw new Error(`job name "${def.name}" must look like <domain>.<verb> (e.g. scan.library)`);
  }
  if (def.maxAttempts !== undefined && (!Number.isInteger(def.maxAttempts) || def.maxAttempts < 1)) {
    throw new Error(`job "${def.name}": maxAttempts must be a positive integer`);
  }
  return Object.freeze({ ...def });
}
