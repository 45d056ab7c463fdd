// "A job was just queued": wakes every worker's runner at once — in this process and, through
// lib/events, in the others (the web queuing a transcode, a scan) — instead of at its next poll.
// The poll (JOB_POLL_MS) stays only as the fallback for a lost event and for jobs due later.
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';
import { notify, subscribe } from '@/lib/events/events';

export const jobQueued = defineEvent('jobs.queued', z.object({ name: z.string().min(1).max(100) }));

export function onJobEnqueued(listener: () => void): () => void {
  return subscribe(jobQueued, () => listener());
}

export function jobEnqueued(name: string): void {
  notify(jobQueued, { name });
}
