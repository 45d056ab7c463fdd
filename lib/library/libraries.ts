// Libraries: named sets of folders an admin points Marquee at, and how they are read. Creating,
// editing and deleting them is in edit-library.ts; their folders' rules in library-folders.ts.
import { z } from 'zod';
import { renditionLadderSchema } from '@/lib/media/renditions';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { libraryMetadataJob } from '@/lib/metadata/library-metadata-job';
import { scanLibraryJob, scanLibraryPayload } from '@/lib/scan/scan-library-job';
import { validateFolder } from './library-folders';

export const libraryTypeSchema = z.enum(['movies', 'tv', 'videos', 'mixed']);

const nameSchema = z.string().trim().min(1, 'Give the library a name.').max(100, 'Keep the name under 100 characters.');
const folderSchema = z.string().min(1, 'Give a folder.').max(4096);
const foldersSchema = z.array(folderSchema).min(1, 'Give at least one folder.').max(20, 'A library has at most 20 folders.');
/** Minutes between periodic scans; null: the server's SCAN_INTERVAL_MINUTES; 0: never (watching only). */
const scanIntervalSchema = z.number().int().min(0).max(7 * 24 * 60, 'At most a week (10080 minutes).').nullable();

export const createLibrarySchema = z
  .object({
    name: nameSchema,
    type: libraryTypeSchema,
    paths: foldersSchema.optional().describe('The folders of the library (one or more).'),
    path: folderSchema.optional().describe('One folder: the same as `paths: [path]` (kept for older clients).'),
    scan_interval_minutes: scanIntervalSchema.optional(),
  })
  .refine((v) => (v.paths === undefined) !== (v.path === undefined), { message: 'Give the folders as "paths" (or one as "path").', path: ['paths'] });

export const updateLibrarySchema = z
  .object({
    name: nameSchema.optional(),
    type: libraryTypeSchema.optional().describe('Changing it reads every file again and sorts them anew.'),
    paths: foldersSchema.optional().describe('The new set of folders: added ones are scanned, removed ones leave with their items.'),
    path: folderSchema.optional().describe('One folder: the same as `paths: [path]`.'),
    scan_interval_minutes: scanIntervalSchema.optional(),
    rendition_ladder: renditionLadderSchema.optional(),
  })
  .refine((v) => !(v.paths !== undefined && v.path !== undefined), { message: 'Give "paths" or "path", not both.', path: ['paths'] })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Give something to change: name, type, paths, scan_interval_minutes or rendition_ladder.');

export const librarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first folder (for older clients); `paths` has them all. */
  path: z.string(),
  paths: z.array(z.string()),
  type: libraryTypeSchema,
  scan_interval_minutes: z.number().int().nullable(),
  rendition_ladder: renditionLadderSchema,
  media_count: z.number().int(),
  last_scan_at: z.string().nullable(),
  scan_status: z.string(),
});
export type LibraryView = z.infer<typeof librarySchema>;
export type LibraryType = z.infer<typeof libraryTypeSchema>;

export type LibraryRow = { id: string; name: string; type: LibraryType; scanIntervalMinutes: number | null; renditionLadder: string; lastScanAt: Date | null; scanStatus: string; items: number };

export function libraryView(l: LibraryRow, paths: string[]): LibraryView {
  return {
    id: l.id,
    name: l.name,
    path: paths[0] ?? '',
    paths,
    type: l.type,
    scan_interval_minutes: l.scanIntervalMinutes,
    rendition_ladder: renditionLadderSchema.catch('off').parse(l.renditionLadder),
    media_count: l.items,
    last_scan_at: l.lastScanAt?.toISOString() ?? null,
    scan_status: l.scanStatus,
  };
}

export async function getLibrary(id: string): Promise<LibraryView> {
  const row = await db.library.findUnique({
    where: { id },
    include: { _count: { select: { items: true } }, folders: { select: { path: true }, orderBy: { path: 'asc' } } },
  });
  if (!row) throw new ApiError('not_found', 'No such library.');
  return libraryView({ ...row, items: row._count.items }, row.folders.map((f) => f.path));
}

export const LIBRARY_FLAGS = ['scan', 'rescan', 'fetch_metadata', 'duplicatescan'] as const;
const libraryFlagSchema = z.enum(LIBRARY_FLAGS);
export type LibraryFlag = z.infer<typeof libraryFlagSchema>;

const unknownFlag = (flag: string) => new ApiError('unknown_flag', `Unknown flag "${flag}": use one of ${LIBRARY_FLAGS.join(', ')}.`);

export const libraryTaskSchema = z.object({
  flag: z.preprocess((v) => {
    // An unknown name answers 400 unknown_flag (not validation_failed), as it always has.
    if (typeof v === 'string' && !libraryFlagSchema.safeParse(v).success) throw unknownFlag(v);
    return v;
  }, libraryFlagSchema.describe('scan: changed files; rescan: re-probe every file; fetch_metadata: local metadata for every item; duplicatescan: a scan, then the duplicates report (GET …/duplicates/report)')),
});

/** POST /library/:id/run: queue a scan (or a forced re-probe), a metadata refresh or a scan with a duplicates report. */
export async function runLibraryTask(id: string, flag: LibraryFlag): Promise<{ job_id: string }> {
  await getLibrary(id);
  const queue = jobQueue();
  switch (flag) {
    case 'scan':
      return { job_id: (await queue.enqueue(scanLibraryJob, { libraryId: id, force: false })).id };
    case 'fetch_metadata':
      // Queues metadata.local for every item of the library.
      return { job_id: (await queue.enqueue(libraryMetadataJob, { libraryId: id })).id };
    case 'rescan':
      return { job_id: (await queue.enqueue(scanLibraryJob, { libraryId: id, force: true })).id };
    case 'duplicatescan': {
      const queued = await queue.enqueue(scanLibraryJob, { libraryId: id, force: false, reportDuplicates: true });
      // One scan per library at a time: a live scan that makes no report cannot take this one in.
      const live = queued.deduped ? await queue.get(queued.id) : null;
      if (live && !scanLibraryPayload.safeParse(live.payload).data?.reportDuplicates) {
        throw new ApiError('conflict', 'This library is being scanned: ask for the duplicates report once the scan has finished (GET …/duplicates lists them now).');
      }
      return { job_id: queued.id };
    }
    default:
      throw unknownFlag(flag satisfies never);
  }
}

export const checkPathSchema = z.object({ path: z.string().max(4096), library_id: z.string().optional() });
export const checkPathResultSchema = z.object({ ok: z.boolean(), path: z.string().nullable(), code: z.string().nullable(), message: z.string().nullable() });

/** For the library forms: would this folder be accepted (for library `exceptId`, when editing)? Checked as the admin types. */
export async function checkLibraryPath(path: string, exceptId?: string): Promise<z.infer<typeof checkPathResultSchema>> {
  try {
    const real = await validateFolder(path, exceptId);
    return { ok: true, path: real, code: null, message: null };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, path: null, code: err.code, message: err.message };
    throw err;
  }
}
