// GET /api/health: is the database answering, is the worker alive, which ffmpeg is in use and
// what it can do.
import { z } from 'zod';
import { lastBackup } from '@/lib/backup/backup-files';
import { db } from '@/lib/db';
import { latestHeartbeat } from '@/lib/jobs/heartbeat';
import { ffmpegCapabilities } from '@/lib/media/ffmpeg-capabilities';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';

export const WORKER_STALE_MS = 30_000;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  db: z.enum(['ok', 'error']),
  worker: z.object({ last_heartbeat: z.string().nullable(), age_seconds: z.number().nullable() }),
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
  const dbOk = await db.$queryRaw`SELECT 1`.then(() => true, () => false);
  const beat = dbOk ? await latestHeartbeat().catch(() => null) : null;
  const caps = await ffmpegCapabilities().catch(() => null);
  const backup = dbOk ? await lastBackup().catch(() => null) : null;
  const ffmpeg = await ffmpegInfo()
    .then((i) => ({ path: i.ffmpeg.path, version: i.ffmpeg.version, source: i.ffmpeg.source }))
    .catch(() => ({ path: null, version: null, source: null }));
  const features = caps?.features ?? [];
  const fix = caps ? caps.fix : 'ffmpeg could not be found or started: install ffmpeg or set FFMPEG_PATH, then restart.';
  const age = beat ? Math.max(0, (now - beat.getTime()) / 1000) : null;
  const status = !dbOk ? 'down' : age === null || age * 1000 > WORKER_STALE_MS || !ffmpeg.path || fix || backup?.ok === false ? 'degraded' : 'ok';
  return {
    status,
    db: dbOk ? 'ok' : 'error',
    worker: { last_heartbeat: beat?.toISOString() ?? null, age_seconds: age === null ? null : Math.round(age * 10) / 10 },
    ffmpeg: { ...ffmpeg, features, fix },
    backup: backup && { at: backup.at, ok: backup.ok, error: backup.error },
  };
}
