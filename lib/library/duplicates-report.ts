// The duplicates report of a library: what its last `duplicatescan` task (POST …/run
// {"flag":"duplicatescan"}: a scan, then the items with several files) found. The report is the
// scan job's result; GET …/duplicates lists the same live, without scanning.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { duplicateSchema } from '@/lib/scan/find-duplicates';
import { scanJobResultSchema, scanLibraryJob, scanLibraryPayload } from '@/lib/scan/scan-library-job';

export const duplicatesReportSchema = z.object({
  job_id: z.string(),
  /** queued or running: the scan has not finished yet (duplicates is null); failed or cancelled: no report. */
  status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
  requested_at: z.string(),
  finished_at: z.string().nullable(),
  duplicates: z.array(duplicateSchema).nullable(),
});
export type DuplicatesReport = z.infer<typeof duplicatesReportSchema>;

/** How many of a library's latest scans are looked through for the last duplicatescan. */
const SCANS_LOOKED_AT = 50;

export async function getDuplicatesReport(libraryId: string): Promise<DuplicatesReport> {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const jobs = await db.job.findMany({
    where: { name: scanLibraryJob.name, dedupeKey: `scan:${libraryId}` },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SCANS_LOOKED_AT,
    select: { id: true, payload: true, status: true, result: true, createdAt: true, finishedAt: true },
  });
  const job = jobs.find((j) => scanLibraryPayload.safeParse(j.payload).data?.reportDuplicates);
  if (!job) throw new ApiError('not_found', 'No duplicates report yet: run the duplicatescan task (POST /api/v1/library/{id}/run).');
  return {
    job_id: job.id,
    status: job.status,
    requested_at: job.createdAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
    duplicates: job.status === 'completed' ? (scanJobResultSchema.safeParse(job.result).data?.duplicates ?? null) : null,
  };
}
