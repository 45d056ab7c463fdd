import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './define-job';
import type { JobQueue } from './queue';
import { scheduleJob } from './schedule';
import { startWorker } from './start-worker';

const job = (name: string) => defineJob({ name, schema: z.object({}), handle: async () => undefined });
const unusedQueue = {} as JobQueue;
const base = { queue: unusedQueue, heartbeatMs: 1000, pollMs: 1000, log: console };

describe('startWorker', () => {
  it('refuses to start with two handlers for one job name', async () => {
    await expect(
      startWorker({ ...base, definitions: [job('system.cleanup'), job('system.cleanup')], scheduled: [] }),
    ).rejects.toThrow('job "system.cleanup" has two handlers');
  });

  it('refuses to start when a scheduled job has no handler', async () => {
    await expect(
      startWorker({ ...base, definitions: [job('scan.library')], scheduled: [scheduleJob(job('system.cleanup'), {}, 1000)] }),
    ).rejects.toThrow('no handler for job "system.cleanup"');
  });
});
