// Cron-scheduled jobs: not queued at start, queued when the expression's time comes (the clock
// is shifted so that a minute boundary is a moment away).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/lib/db';
import { parseCron } from '@/lib/cron/cron';
import { waitFor } from '../../test/wait-for';
import { defineJob } from './define-job';
import { jobQueue } from './job-queue';
import { scheduleCronJob, startSchedule } from './schedule';

const tick = defineJob({ name: 'test.tick', schema: z.object({}), async handle() {} });
const log = { info() {}, warn() {}, error: (m: string, e?: unknown) => console.error(m, e) };
let stop = () => {};
afterEach(() => stop());

describe('startSchedule with a cron expression', () => {
  it('queues the job at each time the expression names, not at start', async () => {
    // A clock 300 ms before the next minute boundary: "* * * * *" is due in 300 ms.
    const realNow = Date.now();
    const boundary = Math.ceil((realNow + 1) / 60_000) * 60_000;
    const offset = boundary - 300 - realNow;
    const now = () => new Date(Date.now() + offset);
    stop = startSchedule(jobQueue(), [scheduleCronJob(tick, {}, parseCron('* * * * *'))], log, now);
    expect(await db.job.count({ where: { name: 'test.tick' } })).toBe(0);
    await waitFor(async () => (await db.job.count({ where: { name: 'test.tick' } })) === 1, { timeoutMs: 10_000 });
    const job = await db.job.findFirstOrThrow({ where: { name: 'test.tick' } });
    expect(job.dedupeKey).toBe('schedule:test.tick');
  });
});
