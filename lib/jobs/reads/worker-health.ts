// What /api/health asks about the workers on every poll: their heartbeats and the jobs that failed
// lately. Monitors poll it, so raw reads past Prisma (lib/db.ts), which compiles every query it runs.
import { queryRows, rawDate, sql, type RawDate } from '@/lib/db';

/** When any worker last reported in, or null if none ever has. */
export async function latestHeartbeat(): Promise<Date | null> {
  const [newest] = await queryRows<{ lastBeatAt: RawDate }>(sql`SELECT MAX("lastBeatAt") AS "lastBeatAt" FROM "WorkerHeartbeat"`);
  return rawDate(newest?.lastBeatAt ?? null);
}

export type WorkerPressure = { lastBeatAt: Date; openFds: number | null; fdLimit: number | null; fdErrors: number; lastFdErrorAt: Date | null };
type PressureRow = { lastBeatAt: RawDate; openFds: number | null; fdLimit: number | null; fdErrors: number; lastFdErrorAt: RawDate };

const pressureView = (r: PressureRow): WorkerPressure => ({ ...r, lastBeatAt: rawDate(r.lastBeatAt)!, lastFdErrorAt: rawDate(r.lastFdErrorAt) });

/** The heartbeats of the workers that reported since `since`, newest first. */
export async function freshHeartbeats(since: Date): Promise<WorkerPressure[]> {
  const rows = await queryRows<PressureRow>(sql`
    SELECT "lastBeatAt", "openFds", "fdLimit", "fdErrors", "lastFdErrorAt" FROM "WorkerHeartbeat"
    WHERE "lastBeatAt" >= ${since} ORDER BY "lastBeatAt" DESC`);
  return rows.map(pressureView);
}

export type RecentFailures = { count: number; last: { name: string; error: string | null } | null };

/** Jobs that failed for good since `since`: how many, and the newest. */
export async function failedJobsSince(since: Date): Promise<RecentFailures> {
  const [row] = await queryRows<{ name: string; error: string | null; n: number | bigint }>(sql`
    SELECT "name", "error", COUNT(*) OVER () AS "n" FROM "Job"
    WHERE "status" = 'failed' AND "finishedAt" >= ${since}
    ORDER BY "finishedAt" DESC LIMIT 1`);
  return row ? { count: Number(row.n), last: { name: row.name, error: row.error } } : { count: 0, last: null };
}
