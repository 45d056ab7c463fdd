// Job `scan.library`: one scan of one library at a time (deduplicated per library). Its result lists
// the items it created or whose files changed; the worker's pipeline (scanner-worker/jobs.ts) queues
// `metadata.local` (NFO, artwork, frame grabs) for them. A `duplicatescan` (reportDuplicates) also
// puts the library's duplicates report in the result.
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { ffmpegInfo } from '@/lib/media/ffmpeg-path';
import { probeFile, ProbeError } from '@/lib/media/probe';
import { duplicateSchema, findDuplicates } from './find-duplicates';
import { headTailHash } from './head-tail-hash';
import { scanLibrary, type ProbeOutcome, type ScanDeps } from './scan-library';
import { catalogChanged } from '@/lib/list-cache/list-cache';
import { keepTraktPlays } from '@/lib/tracking/keep-trakt-plays';

export const scanLibraryPayload = z.object({
  libraryId: z.string().min(1),
  /** Re-probe every file, changed or not. */
  force: z.boolean().default(false),
  /** After the scan, list the items with several files in the result (the `duplicatescan` task). */
  reportDuplicates: z.boolean().optional(),
});

/** What a scan job leaves in its result: the scan's counts, and the duplicates report when asked. */
export const scanJobResultSchema = z.object({ duplicates: z.array(duplicateSchema).optional() }).loose();

/** The real side effects: ffprobe, file hashing, and the folders a scan never enters. */
export async function realScanDeps(): Promise<ScanDeps> {
  const { ffprobe } = await ffmpegInfo();
  const c = config();
  return {
    async probe(path, signal): Promise<ProbeOutcome> {
      try {
        return { ok: true, info: await probeFile(path, { ffprobePath: ffprobe.path, signal }) };
      } catch (err) {
        if (err instanceof ProbeError) return { ok: false, reason: err.reason, message: err.message };
        throw err;
      }
    },
    hash: headTailHash,
    skipDirs: [c.paths.transcode, c.paths.data],
  };
}

async function itemsWithFiles(libraryId: string): Promise<string[]> {
  return (await db.mediaItem.findMany({ where: { libraryId, files: { some: {} } }, select: { id: true } })).map((i) => i.id);
}

/** After re-sorting (a new library type): the items whose files all went to other items. */
async function removeEmptied(itemIds: string[]): Promise<number> {
  let removed = 0;
  for (let start = 0; start < itemIds.length; start += 500) {
    removed += await db.$transaction(async (tx) => {
      const empty = (await tx.mediaItem.findMany({ where: { id: { in: itemIds.slice(start, start + 500) }, files: { none: {} } }, select: { id: true } })).map((i) => i.id);
      // What users watched of them on Trakt stays, catalog-only.
      await keepTraktPlays(tx, { itemIds: empty });
      return (await tx.mediaItem.deleteMany({ where: { id: { in: empty } } })).count;
    }, { maxWait: 30_000, timeout: 60_000 });
  }
  if (removed > 0) catalogChanged();
  return removed;
}

export const scanLibraryJob = defineJob({
  name: 'scan.library',
  schema: scanLibraryPayload,
  dedupeKey: (p) => `scan:${p.libraryId}`,
  maxAttempts: 2,
  async handle(payload, ctx) {
    const exists = () => db.library.count({ where: { id: payload.libraryId } }).then((n) => n > 0);
    const lib0 = await db.library.findUnique({ where: { id: payload.libraryId }, select: { type: true, sortedType: true } });
    // A library deleted before or during its scan: nothing to do, and nothing to retry.
    if (!lib0) return { skipped: 'the library was removed' };
    // Its type changed since its files were sorted: every file is read again and sorted by the new
    // type, and the items that end up with no file (an episode taken for a movie) go.
    const retype = lib0.sortedType !== null && lib0.sortedType !== lib0.type;
    const sortedBefore = retype ? await itemsWithFiles(payload.libraryId) : [];
    const deps = await realScanDeps();
    const touched = new Set<string>();
    // Changes seen while this scan ran are covered by going round again (a few times at most).
    for (let round = 1; ; round++) {
      const started = new Date();
      const result = await scanLibrary(payload.libraryId, { force: (payload.force || retype) && round === 1, signal: ctx.signal, progress: ctx.progress }, deps).catch(async (err: unknown) => {
        // Cancelled (the library was deleted, or an admin stopped it): the job ends as cancelled.
        if (ctx.signal.aborted) throw err;
        if (!(await exists())) return null;
        throw err;
      });
      if (!result) return { skipped: 'the library was removed' };
      for (const id of result.touched_item_ids) touched.add(id);
      const lib = await db.library.findUnique({ where: { id: payload.libraryId }, select: { scanRequestedAt: true } });
      if (round >= 5 || !lib?.scanRequestedAt || lib.scanRequestedAt < started) {
        const emptied = retype ? await removeEmptied(sortedBefore) : 0;
        // Sorted by this type now (unless the type changed again meanwhile: then the next scan re-sorts).
        if (retype) await db.library.updateMany({ where: { id: payload.libraryId, type: lib0.type }, data: { sortedType: null } });
        return {
          ...result,
          items_removed: emptied,
          touched_item_ids: [...touched],
          ...(payload.reportDuplicates ? { duplicates: await findDuplicates(payload.libraryId) } : {}),
        };
      }
    }
  },
});
