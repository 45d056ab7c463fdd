// GET /api/health: is the database answering, is the worker alive and well, which ffmpeg is in use
// and what it can do. "degraded" always comes with its reasons: no fresh heartbeat, a worker out of
// file descriptors (EMFILE/ENFILE lately, or nearly all in use), repeated job failures, ffmpeg, a
// failed export.
import { z } from 'zod';
import { lastBackup } from '@/lib/backup/backup-files';
import { FD_ERROR_WINDOW_MS } from '@/lib/errors/fd-exhaustion';
import { failedJobsSince, freshHeartbeats, latestHeartbeat } from '@/lib/jobs/reads/worker-health';
import { ffmpegCapabilities } from '@/lib/media/ffmpeg-capabilities';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';

export const WORKER_STALE_MS = 30_000;
/** This many jobs failing for good within JOB_FAILURE_WINDOW_MS makes the worker "failing". */
export const JOB_FAILURE_LIMIT = 5;
export const JOB_FAILURE_WINDOW_MS = 10 * 60_000;
/** Open descriptors at or above this share of the limit count as exhaustion on its way. */
export const FD_HIGH_WATER = 0.9;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  reasons: z.array(z.string()).describe('Why the status is not ok (empty when ok)'),
  db: z.enum(['ok', 'error']),
  worker: z.object({
    last_heartbeat: z.string().nullable(),
    age_seconds: z.number().nullable(),
    open_fds: z.number().nullable().describe("The newest worker's open file descriptors"),
    fd_limit: z.number().nullable().describe('Its soft limit (ulimit -n)'),
    fd_errors: z.number().describe(`EMFILE/ENFILE errors the live workers met in the last ${FD_ERROR_WINDOW_MS / 60_000} minutes`),
    failed_jobs: z.number().describe(`Jobs that failed for good in the last ${JOB_FAILURE_WINDOW_MS / 60_000} minutes`),
  }),
  ffmpeg: z.object({
    path: z.string().nullable(),
    version: z.string().nullable(),
    source: z.string().nullable(),
    features: z
      .array(z.object({ name: z.string(), ok: z.boolean(), reason: z.string().nullable() }))
      .describe('What the build in use can do (a capability probe at start); a feature it cannot do is off'),
    fix: z.string().nullable().describe('How to turn the missing features on; null when none is missing'),
  }),
  backup: z
    .object({ at: z.string(), ok: z.boolean(), error: z.string().nullable() })
    .nullable()
    .describe('The last export (scheduled, manual or `npm run export`); a failed one makes the status degraded until the next one succeeds'),
});
export type Health = z.infer<typeof healthSchema>;

export async function getHealth(now = Date.now()): Promise<Health> {
  // The first read doubles as the database check. All of them are raw reads: monitors poll this.
  const beat = await latestHeartbeat().then((b) => ({ ok: true as const, at: b }), () => ({ ok: false as const, at: null }));
  const dbOk = beat.ok;
  const beats = dbOk ? await freshHeartbeats(new Date(now - WORKER_STALE_MS)).catch(() => []) : [];
  const failures = dbOk ? await failedJobsSince(new Date(now - JOB_FAILURE_WINDOW_MS)).catch(() => ({ count: 0, last: null })) : { count: 0, last: null };
  const caps = await ffmpegCapabilities().catch(() => null);
  const backup = dbOk ? await lastBackup().catch(() => null) : null;
  const ffmpeg = await ffmpegInfo()
    .then((i) => ({ path: i.ffmpeg.path, version: i.ffmpeg.version, source: i.ffmpeg.source }))
    .catch(() => ({ path: null, version: null, source: null }));
  const features = caps?.features ?? [];
  const fix = caps ? caps.fix : 'ffmpeg could not be found or started: install ffmpeg or set FFMPEG_PATH, then restart.';
  const age = beat.at ? Math.max(0, (now - beat.at.getTime()) / 1000) : null;

  const reasons: string[] = [];
  if (!dbOk) reasons.push('The database does not answer.');
  else if (age === null) reasons.push('No worker has reported yet: scans, transcodes and metadata wait for one.');
  else if (age * 1000 > WORKER_STALE_MS) reasons.push(`The worker last reported ${Math.round(age)} s ago: it is stopped or stuck.`);
  const fdErrors = beats.reduce((n, b) => n + (b.lastFdErrorAt && b.lastFdErrorAt.getTime() >= now - FD_ERROR_WINDOW_MS ? b.fdErrors : 0), 0);
  if (fdErrors > 0) {
    reasons.push(`The worker ran out of file descriptors (EMFILE/ENFILE) ${fdErrors} time${fdErrors === 1 ? '' : 's'} in the last ${FD_ERROR_WINDOW_MS / 60_000} minutes: raise its limit (ulimit -n) or remove the library that needs so many.`);
  }
  for (const b of beats) {
    if (b.openFds !== null && b.fdLimit !== null && b.openFds >= b.fdLimit * FD_HIGH_WATER) {
      reasons.push(`A worker has ${b.openFds} of its ${b.fdLimit} file descriptors open.`);
      break;
    }
  }
  if (failures.count >= JOB_FAILURE_LIMIT) {
    const last = failures.last ? ` (latest: ${failures.last.name}: ${(failures.last.error ?? 'no message').slice(0, 160)})` : '';
    reasons.push(`${failures.count} jobs failed in the last ${JOB_FAILURE_WINDOW_MS / 60_000} minutes${last}.`);
  }
  if (dbOk && !ffmpeg.path) reasons.push('ffmpeg could not be found.');
  else if (dbOk && fix) reasons.push(`ffmpeg cannot do everything: ${fix}`);
  if (backup?.ok === false) reasons.push(`The last export failed${backup.error ? `: ${backup.error.slice(0, 200)}` : ''}.`);

  const newest = beats[0];
  return {
    status: !dbOk ? 'down' : reasons.length > 0 ? 'degraded' : 'ok',
    reasons,
    db: dbOk ? 'ok' : 'error',
    worker: {
      last_heartbeat: beat.at?.toISOString() ?? null,
      age_seconds: age === null ? null : Math.round(age * 10) / 10,
      open_fds: newest?.openFds ?? null,
      fd_limit: newest?.fdLimit ?? null,
      fd_errors: fdErrors,
      failed_jobs: failures.count,
    },
    ffmpeg: { ...ffmpeg, features, fix },
    backup: backup && { at: backup.at, ok: backup.ok, error: backup.error },
  };
}
