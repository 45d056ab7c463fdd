// Worker liveness: each worker process upserts its row on a timer, with its descriptor pressure
// (open fds, the limit, EMFILE/ENFILE met lately); the health endpoint reads the fresh rows.
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

/** When any worker last reported in, or null if none ever has. */
export async function latestHeartbeat(): Promise<Date | null> {
  const newest = await db.workerHeartbeat.findFirst({ orderBy: { lastBeatAt: 'desc' }, select: { lastBeatAt: true } });
  return newest?.lastBeatAt ?? null;
}

export type WorkerPressure = { lastBeatAt: Date; openFds: number | null; fdLimit: number | null; fdErrors: number; lastFdErrorAt: Date | null };

/** The heartbeats of the workers that reported since `since`, newest first. */
export async function freshHeartbeats(since: Date): Promise<WorkerPressure[]> {
  return db.workerHeartbeat.findMany({
    where: { lastBeatAt: { gte: since } },
    orderBy: { lastBeatAt: 'desc' },
    select: { lastBeatAt: true, openFds: true, fdLimit: true, fdErrors: true, lastFdErrorAt: true },
  });
}
