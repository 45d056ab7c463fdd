// "A job was just queued": wakes every worker's runner at once — in this process and, through
// lib/events, in the others (the web queuing a transcode, a scan) — instead of at its next poll.
// The poll (JOB_POLL_MS) stays only as the fallback for a lost event and for jobs due later.
// `jobs.changed` tells whoever shows a job's progress (the scan progress stream) to look again.
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';
import { notify, subscribe } from '@/lib/events/events';

const jobRef = { name: z.string().min(1).max(100), key: z.string().max(300).nullable() };

export const jobQueued = defineEvent('jobs.queued', z.object(jobRef));

/** A job started, reported progress, or ended: watchers of one key (`scan:<library>`) re-read it. */
export const jobChanged = defineEvent('jobs.changed', z.object({ ...jobRef, id: z.string().min(1), status: z.enum(['running', 'completed', 'failed', 'queued', 'cancelled']) }));

export function onJobEnqueued(listener: () => void): () => void {
  return subscribe(jobQueued, () => listener());
}

export function jobEnqueued(name: string, key: string | null): void {
  notify(jobQueued, { name, key });
}
