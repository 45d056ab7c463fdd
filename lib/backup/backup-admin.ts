// What Admin → Backup shows and does: the schedule, the last run, the files, "Export now", download.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { config } from '@/lib/config';
import { ApiError } from '@/lib/errors/api-error';
import { nextRun, parseCron } from '@/lib/cron/cron';
import { jobQueue } from '@/lib/jobs/job-queue';
import { backupFileSchema, backupRunSchema, EXPORT_FILE, lastBackup, listBackups } from './backup-files';
import { backupExportJob } from './backup-job';

export const backupOverviewSchema = z.object({
  schedule: z.object({
    cron: z.string().nullable().describe('EXPORT_CRON (server time); null when scheduled exports are off'),
    next_at: z.string().nullable(),
    keep: z.number().describe('EXPORT_KEEP: how many files are kept'),
    folder: z.string(),
  }),
  last: backupRunSchema.nullable().describe('The last run (scheduled, manual or `npm run export`), failed or not'),
  files: z.array(backupFileSchema).describe('Newest first'),
});

export async function backupOverview(now = new Date()): Promise<z.infer<typeof backupOverviewSchema>> {
  const { cron, keep, dir } = config().backup;
  const [last, files] = await Promise.all([lastBackup(), listBackups()]);
  return {
    schedule: { cron, next_at: cron ? (nextRun(parseCron(cron), now)?.toISOString() ?? null) : null, keep, folder: dir },
    last,
    files,
  };
}

export async function requestBackup(): Promise<{ job_id: string }> {
  return { job_id: (await jobQueue().enqueue(backupExportJob, { reason: 'manual' })).id };
}

/** The file, as a download; only names an export was written under, and only from the exports folder. */
export async function backupDownload(name: string): Promise<Response> {
  if (!EXPORT_FILE.test(name)) throw new ApiError('not_found', 'No such export.');
  const file = join(config().backup.dir, name);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ApiError('not_found', 'No such export.');
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(info.size),
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
