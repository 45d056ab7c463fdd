// Worker liveness: each worker process upserts its row on a timer, with its descriptor pressure
// (open fds, the limit, EMFILE/ENFILE met lately); the health endpoint reads the fresh rows
// (reads/worker-health.ts).
import { hostname } from 'node:os';
import { db } from '@/lib/db';
import { fdUsage, recentFdExhaustion } from '@/lib/errors/fd-exhaustion';

export async function beat(workerId: string, now = new Date()): Promise<void> {
  const fds = fdUsage();
  const errors = recentFdExhaustion(now.getTime());
  const pressure = { openFds: fds.open, fdLimit: fds.limit, fdErrors: errors.count, lastFdErrorAt: errors.last };
  await db.workerHeartbeat.upsert({
    where: { id: workerId },
    create: { id: workerId, hostname: hostname(), pid: process.pid, startedAt: now, lastBeatAt: now, ...pressure },
    update: { lastBeatAt: now, ...pressure },
  });
}
