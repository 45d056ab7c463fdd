// system.cleanup: deletes what nobody needs any more: completed jobs after 7 days, login failures
// after a day (the throttle window is 15 minutes), heartbeats of workers gone for a day.
// Dead and cancelled jobs are kept for the admin to read.
import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from './define-job';

const DAY_MS = 24 * 60 * 60 * 1000;

export const systemCleanupSchema = z.object({});

export const systemCleanupJob = defineJob({
  name: 'system.cleanup',
  schema: systemCleanupSchema,
  dedupeKey: () => 'system.cleanup',
  async handle() {
    const now = Date.now();
    const jobs = await db.job.deleteMany({
      where: { status: 'completed', finishedAt: { lt: new Date(now - 7 * DAY_MS) } },
    });
    const loginFailures = await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now - DAY_MS) } } });
    const heartbeats = await db.workerHeartbeat.deleteMany({ where: { lastBeatAt: { lt: new Date(now - DAY_MS) } } });
    return { jobs: jobs.count, loginFailures: loginFailures.count, heartbeats: heartbeats.count };
  },
});
