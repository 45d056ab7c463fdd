// Recurring jobs: enqueued at start and then every `everyMs`, or at the times a cron expression
// names (not at start). Each carries a dedupe key, so a run still queued or running is not doubled,
// and several workers scheduling the same job stay safe.
import type { z } from 'zod';
import { nextRun, type Cron } from '@/lib/cron/cron';
import type { JobDefinition } from './define-job';
import type { JobQueue } from './queue';
import type { JobLog } from './runner';

export interface ScheduledJob {
  name: string;
  everyMs?: number;
  cron?: Cron;
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

export function scheduleCronJob<S extends z.ZodType>(def: JobDefinition<S>, payload: z.input<S>, cron: Cron): ScheduledJob {
  return { ...scheduleJob(def, payload, 0), everyMs: undefined, cron };
}

/** Longest single wait: timers cannot wait longer than ~24.8 days, and the clock may be changed. */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/** Starts the timers; the returned function stops them. */
export function startSchedule(queue: JobQueue, scheduled: readonly ScheduledJob[], log: JobLog, now = () => new Date()): () => void {
  const enqueue = (job: ScheduledJob) =>
    job.enqueue(queue).catch((err) => log.error(`[jobs] could not schedule ${job.name}`, err));
  const intervals: NodeJS.Timeout[] = [];
  const timeouts = new Map<string, NodeJS.Timeout>();
  const atCron = (job: ScheduledJob & { cron: Cron }, due: Date | null) => {
    if (!due) return log.error(`[jobs] ${job.name}: "${job.cron.source}" names no time in the next five years; it never runs`);
    const wait = due.getTime() - now().getTime();
    timeouts.set(
      job.name,
      setTimeout(() => {
        if (wait > MAX_WAIT_MS) return atCron(job, due);
        void enqueue(job);
        atCron(job, nextRun(job.cron, due));
      }, Math.max(0, Math.min(wait, MAX_WAIT_MS))),
    );
  };
  for (const job of scheduled) {
    if (job.cron) atCron(job as ScheduledJob & { cron: Cron }, nextRun(job.cron, now()));
    else if (job.everyMs) {
      void enqueue(job);
      intervals.push(setInterval(() => void enqueue(job), job.everyMs));
    }
  }
  return () => {
    intervals.forEach(clearInterval);
    timeouts.forEach(clearTimeout);
  };
}
