// Libraries: folders an admin points Marquee at. Creating one queues its first scan.
import { z } from 'zod';
import { config } from '@/lib/config';
import { db, queryRows, rawDate, sql, type RawDate } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { libraryMetadataJob } from '@/lib/metadata/library-metadata-job';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { validateLibraryPath } from './library-path';

export const libraryTypeSchema = z.enum(['movies', 'tv', 'videos']);

export const createLibrarySchema = z.object({
  name: z.string().trim().min(1).max(100),
  path: z.string().min(1).max(4096),
  type: libraryTypeSchema,
});

export const updateLibrarySchema = z
  .object({ name: z.string().trim().min(1).max(100).optional(), path: z.string().min(1).max(4096).optional() })
  .refine((v) => v.name !== undefined || v.path !== undefined, 'give name or path');

export const librarySchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  type: libraryTypeSchema,
  media_count: z.number().int(),
  last_scan_at: z.string().nullable(),
  scan_status: z.string(),
});
export type LibraryView = z.infer<typeof librarySchema>;

type LibraryRow = { id: string; name: string; path: string; type: 'movies' | 'tv' | 'videos'; lastScanAt: Date | null; scanStatus: string; _count: { items: number } };

function view(l: LibraryRow): LibraryView {
  return {
    id: l.id,
    name: l.name,
    path: l.path,
    type: l.type,
    media_count: l._count.items,
    last_scan_at: l.lastScanAt?.toISOString() ?? null,
    scan_status: l.scanStatus,
  };
}

const withCount = { _count: { select: { items: true } } } as const;

async function pathRules(exceptId?: string) {
  const c = config();
  const others = await db.library.findMany({ where: exceptId ? { id: { not: exceptId } } : {}, select: { path: true } });
  return {
    dataDir: c.paths.data,
    transcodeDir: c.paths.transcode,
    allowedInsideData: [c.paths.sampleMedia],
    otherLibraryPaths: others.map((o) => o.path),
  };
}

/** Every library with its item count (on the home page: one raw read). */
export async function listLibraries(): Promise<LibraryView[]> {
  const rows = await queryRows<Omit<LibraryRow, '_count' | 'lastScanAt'> & { lastScanAt: RawDate; items: number | bigint }>(sql`
    SELECT l."id", l."name", l."path", l."type", l."lastScanAt", l."scanStatus",
           (SELECT COUNT(*) FROM "MediaItem" m WHERE m."libraryId" = l."id") AS "items"
    FROM "Library" l ORDER BY l."name"`);
  return rows.map((r) => view({ ...r, lastScanAt: rawDate(r.lastScanAt), _count: { items: Number(r.items) } }));
}

export async function getLibrary(id: string): Promise<LibraryView> {
  const row = await db.library.findUnique({ where: { id }, include: withCount });
  if (!row) throw new ApiError('not_found', 'No such library.');
  return view(row);
}

export async function createLibrary(input: z.infer<typeof createLibrarySchema>): Promise<{ id: string }> {
  const path = await validateLibraryPath(input.path, await pathRules());
  const lib = await db.library
    .create({ data: { name: input.name, path, type: input.type, scanStatus: 'queued' } })
    .catch((err: { code?: string }) => {
      if (err.code === 'P2002') throw new ApiError('library_path_overlap', 'Another library already has this path.');
      throw err;
    });
  await jobQueue().enqueue(scanLibraryJob, { libraryId: lib.id, force: false });
  return { id: lib.id };
}

export async function updateLibrary(id: string, input: z.infer<typeof updateLibrarySchema>): Promise<LibraryView> {
  await getLibrary(id);
  const path = input.path === undefined ? undefined : await validateLibraryPath(input.path, await pathRules(id));
  await db.library.update({ where: { id }, data: { name: input.name, path } });
  // A new path is rescanned: files that match what was there keep their items.
  if (path !== undefined) await jobQueue().enqueue(scanLibraryJob, { libraryId: id, force: false });
  return getLibrary(id);
}

export async function deleteLibrary(id: string): Promise<void> {
  const { count } = await db.library.deleteMany({ where: { id } });
  if (count === 0) throw new ApiError('not_found', 'No such library.');
}

export const libraryTaskSchema = z.object({ flag: z.string() });
export const LIBRARY_FLAGS = ['scan', 'rescan', 'fetch_metadata', 'duplicatescan'] as const;

/** POST /library/:id/run: queue a scan (or a forced re-probe), a metadata refresh or a duplicate report. */
export async function runLibraryTask(id: string, flag: string): Promise<{ job_id: string }> {
  if (!(LIBRARY_FLAGS as readonly string[]).includes(flag)) {
    throw new ApiError('unknown_flag', `Unknown flag "${flag}": use one of ${LIBRARY_FLAGS.join(', ')}.`);
  }
  await getLibrary(id);
  const queue = jobQueue();
  switch (flag as (typeof LIBRARY_FLAGS)[number]) {
    case 'scan':
      return { job_id: (await queue.enqueue(scanLibraryJob, { libraryId: id, force: false })).id };
    case 'fetch_metadata':
      // Queues metadata.local for every item of the library.
      return { job_id: (await queue.enqueue(libraryMetadataJob, { libraryId: id })).id };
    case 'rescan':
      return { job_id: (await queue.enqueue(scanLibraryJob, { libraryId: id, force: true })).id };
    case 'duplicatescan':
      return { job_id: (await queue.enqueue(scanLibraryJob, { libraryId: id, force: false, reportDuplicates: true })).id };
  }
}

export const checkPathSchema = z.object({ path: z.string().max(4096), library_id: z.string().optional() });
export const checkPathResultSchema = z.object({ ok: z.boolean(), path: z.string().nullable(), code: z.string().nullable(), message: z.string().nullable() });

/** For the add-library form: would this path be accepted? (Checked as the admin types.) */
export async function checkLibraryPath(path: string, exceptId?: string): Promise<z.infer<typeof checkPathResultSchema>> {
  try {
    const real = await validateLibraryPath(path, await pathRules(exceptId));
    return { ok: true, path: real, code: null, message: null };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, path: null, code: err.code, message: err.message };
    throw err;
  }
}
