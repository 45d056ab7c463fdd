// Worker liveness: each worker process upserts its row on a timer; the health endpoint reads the newest.
import { hostname } from 'node:os';
import { db } from '@/lib/db';

export async function beat(workerId: string, now = new Date()): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { id: workerId },
    create: { id: workerId, hostname: hostname(), pid: process.pid, startedAt: now, lastBeatAt: now },
    update: { lastBeatAt: now },
  });
}

/** When any worker last reported in, or null if none ever has. */
export async function latestHeartbeat(): Promise<Date | null> {
  const newest = await db.workerHeartbeat.findFirst({ orderBy: { lastBeatAt: 'desc' }, select: { lastBeatAt: true } });
  return newest?.lastBeatAt ?? null;
}
