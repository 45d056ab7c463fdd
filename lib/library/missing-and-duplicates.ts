// Housekeeping a library needs: purge what has been missing (after the admin confirms, or after
// MISSING_PURGE_DAYS), and report items that have several files.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { inWatchTransaction } from '@/lib/tracking/write-watch-state';

export const purgeResultSchema = z.object({ items: z.number().int(), episodes: z.number().int(), files: z.number().int() });
export const duplicateSchema = z.object({
  kind: z.enum(['movie', 'video', 'episode']),
  id: z.string(),
  title: z.string(),
  files: z.array(z.string()),
});

/** Deletes missing files, items and episodes that went missing before `cutoff` (all of them by default). */
export async function purgeMissing(libraryId: string | null, cutoff = new Date()): Promise<z.infer<typeof purgeResultSchema>> {
  const inLibrary = libraryId ? { libraryId } : {};
  const purged = { show: inLibrary, status: 'missing' as const, missingSince: { lt: cutoff } };
  // Purged episodes take their watch states along: through writeWatchState, which rewrites their shows' ShowWatch rows.
  const showIds = (await db.episode.findMany({ where: purged, select: { showId: true }, distinct: ['showId'] })).map((e) => e.showId);
  const [files, episodes, items] = await inWatchTransaction({ showIds }, async (tx) => {
    const deleted = [
      await tx.mediaFile.deleteMany({ where: { ...inLibrary, status: 'missing', missingSince: { lt: cutoff } } }),
      await tx.episode.deleteMany({ where: purged }),
      await tx.mediaItem.deleteMany({ where: { ...inLibrary, status: 'missing', missingSince: { lt: cutoff } } }),
    ];
    await tx.season.deleteMany({ where: { show: inLibrary, episodes: { none: {} } } });
    return deleted;
  });
  return { items: items.count, episodes: episodes.count, files: files.count };
}

export async function purgeMissingNow(libraryId: string) {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  return purgeMissing(libraryId, new Date(Date.now() + 1000));
}

/** Movies and videos with several present files, and episodes with several files (versions). */
export async function findDuplicates(libraryId: string): Promise<z.infer<typeof duplicateSchema>[]> {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const present = { status: 'ok' as const };
  const items = await db.mediaItem.findMany({
    where: { libraryId, kind: { in: ['movie', 'video'] }, files: { some: present } },
    select: { id: true, kind: true, title: true, files: { where: present, select: { path: true } } },
  });
  const episodes = await db.episode.findMany({
    where: { show: { libraryId } },
    select: { id: true, number: true, seasonNumber: true, show: { select: { title: true } }, files: { where: { file: present }, select: { file: { select: { path: true } } } } },
  });
  return [
    ...items.filter((i) => i.files.length > 1).map((i) => ({ kind: i.kind as 'movie' | 'video', id: i.id, title: i.title, files: i.files.map((f) => f.path) })),
    ...episodes
      .filter((e) => e.files.length > 1)
      .map((e) => ({
        kind: 'episode' as const,
        id: e.id,
        title: `${e.show.title} S${String(e.seasonNumber).padStart(2, '0')}E${String(e.number).padStart(2, '0')}`,
        files: e.files.map((f) => f.file.path),
      })),
  ];
}
