// Creating, editing and deleting libraries. A change of folders queues a scan: added folders are
// read, removed folders' files leave with the items, seasons and episodes only they held (files
// stay on disk), unless the scan finds them moved into a kept folder. A new type sorts every file again. Deleting a library cancels its scans; the worker's watch loop
// closes its watcher on its next round, and a scan queued meanwhile finds no library and ends.
import type { z } from 'zod';
import { db } from '@/lib/db';
import { notify } from '@/lib/events/events';
import { librariesChanged } from '@/lib/scan/scan-events';
import { ApiError } from '@/lib/errors/api-error';
import { jobQueue } from '@/lib/jobs/job-queue';
import { fileIdsWhere, removeRenditions } from '@/lib/media/rendition-files';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { renditionsJob } from '@/lib/stream/renditions-job';
import { getLibrary, type createLibrarySchema, type LibraryView, type updateLibrarySchema } from './libraries';
import { validateFolders } from './library-folders';
import { catalogChanged } from '@/lib/list-cache/list-cache';
import { keepTraktPlays } from '@/lib/tracking/keep-trakt-plays';

function overlapOnRace(err: { code?: string }): never {
  if (err.code === 'P2002') throw new ApiError('library_path_overlap', 'Another library has just taken one of these folders.');
  throw err;
}

/** The folders asked for, and how refusals name their fields (`paths.<i>`, or `path` from older clients). */
function requestedFolders(input: { paths?: string[]; path?: string }): { paths: string[]; fieldOf: (i: number) => string } | null {
  if (input.paths) return { paths: input.paths, fieldOf: (i) => `body.paths.${i}` };
  if (input.path !== undefined) return { paths: [input.path], fieldOf: () => 'body.path' };
  return null;
}

export async function createLibrary(input: z.infer<typeof createLibrarySchema>): Promise<{ id: string }> {
  const asked = requestedFolders(input)!;
  const paths = await validateFolders(asked.paths, undefined, asked.fieldOf);
  const lib = await db.library
    .create({
      data: {
        name: input.name,
        type: input.type,
        scanIntervalMinutes: input.scan_interval_minutes ?? null,
        scanStatus: 'queued',
        folders: { create: paths.map((path) => ({ path })) },
      },
    })
    .catch(overlapOnRace);
  await jobQueue().enqueue(scanLibraryJob, { libraryId: lib.id, force: false });
  notify(librariesChanged, { libraryId: lib.id });
  catalogChanged();
  return { id: lib.id };
}

export async function updateLibrary(id: string, input: z.infer<typeof updateLibrarySchema>): Promise<LibraryView> {
  const current = await db.library.findUnique({ where: { id }, select: { type: true, sortedType: true, renditionLadder: true, folders: { select: { path: true } } } });
  if (!current) throw new ApiError('not_found', 'No such library.');
  const had = current.folders.map((f) => f.path);
  const asked = requestedFolders(input);
  const wanted = asked ? await validateFolders(asked.paths, id, asked.fieldOf) : had;
  const added = wanted.filter((p) => !had.includes(p));
  const removed = had.filter((p) => !wanted.includes(p));
  const retype = input.type !== undefined && input.type !== current.type;
  const rescan = added.length > 0 || removed.length > 0 || retype;
  // The type the files are sorted by until the scan re-sorts them (kept on the row, so a scan that is
  // already queued or running does it too); back to the type they are sorted by: nothing to re-sort.
  const sortedBy = current.sortedType ?? current.type;

  // Removed folders' files are forgotten by the rescan: after it has followed any of them that moved
  // into a folder the library keeps (a library moved on disk keeps its items and watch state).
  await db
    .$transaction(async (tx) => {
      await tx.library.update({
        where: { id },
        data: {
          name: input.name,
          type: input.type,
          scanIntervalMinutes: input.scan_interval_minutes,
          renditionLadder: input.rendition_ladder,
          ...(retype ? { sortedType: input.type === sortedBy ? null : sortedBy } : {}),
          // A scan running now started before this change: it goes round again (see scan-library-job).
          ...(rescan ? { scanRequestedAt: new Date() } : {}),
        },
      });
      if (removed.length > 0) await tx.libraryFolder.deleteMany({ where: { libraryId: id, path: { in: removed } } });
      if (added.length > 0) await tx.libraryFolder.createMany({ data: added.map((path) => ({ libraryId: id, path })) });
    })
    .catch(overlapOnRace);
  if (rescan) await jobQueue().enqueue(scanLibraryJob, { libraryId: id, force: false });
  // A ladder turned off or changed: the renditions made for the old one go (a new one is made below).
  if (input.rendition_ladder && input.rendition_ladder !== current.renditionLadder) await removeRenditions(await fileIdsWhere({ libraryId: id }));
  // A ladder chosen (or changed): the files already there get theirs, in the background.
  if (input.rendition_ladder && input.rendition_ladder !== 'off') await jobQueue().enqueue(renditionsJob, { libraryId: id });
  // The worker's watchers follow the new folders (or stop watching removed ones) at once.
  notify(librariesChanged, { libraryId: id });
  catalogChanged();
  return getLibrary(id);
}

/** Removes a library from Marquee: its items, files and watch data here; on disk only its renditions. */
export async function deleteLibrary(id: string): Promise<void> {
  const queue = jobQueue();
  const scans = [...(await queue.list({ name: scanLibraryJob.name, status: 'queued', limit: 1000 })), ...(await queue.list({ name: scanLibraryJob.name, status: 'running', limit: 1000 }))];
  const fileIds = await fileIdsWhere({ libraryId: id });
  const { count } = await db.$transaction(async (tx) => {
    // What users watched of its items on Trakt stays, catalog-only.
    await keepTraktPlays(tx, { itemIds: (await tx.mediaItem.findMany({ where: { libraryId: id }, select: { id: true } })).map((i) => i.id) });
    return tx.library.deleteMany({ where: { id } });
  }, { maxWait: 30_000, timeout: 60_000 });
  if (count === 0) throw new ApiError('not_found', 'No such library.');
  catalogChanged();
  // Its files' rows went by cascade; their renditions go from disk (the files themselves stay).
  await removeRenditions(fileIds);
  // Its watcher closes now, not at the worker's next tick.
  notify(librariesChanged, { libraryId: id });
  for (const job of scans) {
    if ((job.payload as { libraryId?: unknown } | null)?.libraryId === id) await queue.cancel(job.id);
  }
}
