// /api/health tells a worker that is alive but failing from a healthy one: repeated job failures
// (JOB_FAILURE_LIMIT within JOB_FAILURE_WINDOW_MS) make it "degraded", with the reason and the
// latest failure; older failures and fewer of them do not.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { beat } from '@/lib/jobs/heartbeat';
import { api } from '@/test/api';
import { JOB_FAILURE_LIMIT, JOB_FAILURE_WINDOW_MS } from './health';

const failedJob = (finishedAt: Date, error: string) => ({ name: 'metadata.local', payload: {}, status: 'failed' as const, attempts: 2, error, finishedAt });

describe('health with a live worker', () => {
  it('is ok with a fresh heartbeat, and degraded once jobs keep failing', async () => {
    await beat('health-test-worker');
    const ok = await api('GET', '/api/health');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'ok', reasons: [], worker: { fd_errors: 0, failed_jobs: 0, open_fds: expect.any(Number), fd_limit: expect.any(Number) } });

    // Failures long ago, and fewer than the limit recently: still ok.
    const now = Date.now();
    await db.job.create({ data: failedJob(new Date(now - JOB_FAILURE_WINDOW_MS - 60_000), 'old') });
    for (let i = 0; i < JOB_FAILURE_LIMIT - 1; i++) await db.job.create({ data: failedJob(new Date(now - 1000 * (i + 2)), `recent ${i}`) });
    await beat('health-test-worker');
    const fewer = await api('GET', '/api/health');
    expect(fewer.body).toMatchObject({ status: 'ok', reasons: [], worker: { failed_jobs: JOB_FAILURE_LIMIT - 1 } });

    await db.job.create({ data: failedJob(new Date(), 'ffprobe: cannot start /nowhere/ffprobe (ENOENT)') });
    const failing = await api('GET', '/api/health');
    expect(failing.body.status).toBe('degraded');
    expect(failing.body.worker.failed_jobs).toBe(JOB_FAILURE_LIMIT);
    expect(failing.body.reasons).toEqual([`${JOB_FAILURE_LIMIT} jobs failed in the last 10 minutes (latest: metadata.local: ffprobe: cannot start /nowhere/ffprobe (ENOENT)).`]);
  });
});
