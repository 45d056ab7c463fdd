// Recurring jobs: enqueued at start and then every `everyMs`. Each carries a dedupe key, so a run
// still queued or running is not doubled, and several workers scheduling the same job stay safe.
import type { z } from 'zod';
import type { JobDefinition } from './define-job';
import type { JobQueue } from './queue';
import type { JobLog } from './runner';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  enqueue(queue: JobQueue): Promise<{ id: string; deduped: boolean }>;
}

export function scheduleJob<S extends z.ZodType>(def: JobDefinition<S>, payload: z.input<S>, everyMs: number): ScheduledJob {
  return {
    name: def.name,
    everyMs,
    // The definition's own key when it has one, so a run enqueued by hand also counts.
    enqueue: (queue) => queue.enqueue(def, payload, def.dedupeKey ? {} : { dedupeKey: `schedule:${def.name}` }),
  };
}

/** Starts the timers; the returned function stops them. */
export function startSchedule(queue: JobQueue, scheduled: readonly ScheduledJob[], log: JobLog): () => void {
  const enqueue = (job: ScheduledJob) =>
    job.enqueue(queue).catch((err) => log.error(`[jobs] could not schedule ${job.name}`, err));
  const timers = scheduled.map((job) => {
    void enqueue(job);
    return setInterval(() => void enqueue(job), job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
