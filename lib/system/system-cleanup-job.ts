// system.cleanup: deletes what nobody needs any more: completed jobs after 7 days, login failures
// after a day (the throttle window is 15 minutes), heartbeats of workers gone for a day.
// Dead and cancelled jobs are kept for the admin to read. Library items missing for
// MISSING_PURGE_DAYS are purged (0 keeps them until an admin purges them). Renditions whose file
// has gone (or whose library's ladder is off) are removed, should a removal have been cut short.
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { purgeMissing } from '@/lib/library/missing-and-duplicates';
import { defineJob } from '@/lib/jobs/define-job';
import { purgeOldHits } from '@/lib/auth/request-throttle';
import { pruneOrphanRenditions } from '@/lib/stream/prune-renditions';

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
    const rateHits = await purgeOldHits(now);
    const heartbeats = await db.workerHeartbeat.deleteMany({ where: { lastBeatAt: { lt: new Date(now - DAY_MS) } } });
    const purgeDays = config().scan.missingPurgeDays;
    const purged = purgeDays > 0 ? await purgeMissing(null, new Date(now - purgeDays * DAY_MS)) : null;
    const renditions = await pruneOrphanRenditions();
    return { jobs: jobs.count, loginFailures: loginFailures.count, rateHits, heartbeats: heartbeats.count, purged, renditions };
  },
});
