// "Sync now" (Settings, fetch-latest-*): queues the user's sync in the worker and waits a few
// seconds for it; a longer sync answers 202 with the job id to follow (GET /api/v1/trakt/sync/{id}).
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { waitFor, WaitTimeoutError } from '@/lib/events/events';
import { jobChanged } from '@/lib/jobs/enqueued';
import { jobQueue } from '@/lib/jobs/job-queue';
import { traktSyncJob } from './trakt-jobs';

const ENDED = new Set(['completed', 'failed', 'cancelled']);

export async function requestSync(userId: string) {
  if (!(await db.traktLink.findUnique({ where: { userId }, select: { userId: true } }))) {
    throw new ApiError('trakt_not_linked', 'No Trakt token: link Trakt first (Settings → Trakt, or GET /api/v1/trakt/authenticate).');
  }
  return jobQueue().enqueue(traktSyncJob, { userId, trigger: 'manual' });
}

export async function syncJobView(userId: string, jobId: string) {
  const job = await jobQueue().get(jobId);
  const payload = job?.payload as { userId?: string } | undefined;
  if (!job || job.name !== traktSyncJob.name || payload?.userId !== userId) throw new ApiError('not_found', 'No Trakt sync of yours with this id.');
  return { job_id: job.id, status: job.status, progress: job.progress ?? 0, message: job.progressMessage, result: (job.result ?? null) as Record<string, unknown> | null, error: job.error };
}

/** Queues a sync and waits up to `waitMs`: the finished job, or null when it is still running. */
export async function syncAndWait(userId: string, waitMs = 5_000) {
  const { id } = await requestSync(userId);
  try {
    return await waitFor(jobChanged, async (e) => {
      if (e && e.id !== id) return null;
      const view = await syncJobView(userId, id);
      return ENDED.has(view.status) ? view : null;
    }, { timeoutMs: waitMs, fallbackMs: 500, what: 'the Trakt sync' });
  } catch (err) {
    if (err instanceof WaitTimeoutError) return { pending: true as const, job_id: id };
    throw err;
  }
}
