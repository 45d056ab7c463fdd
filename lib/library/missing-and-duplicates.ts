// Housekeeping a library needs: purge what has been missing (after the admin confirms, or after
// MISSING_PURGE_DAYS). Items with several files: lib/scan/find-duplicates.ts.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { fileIdsWhere, removeRenditionsOfGone } from '@/lib/media/rendition-files';
import { keepTraktPlays } from '@/lib/tracking/keep-trakt-plays';
import { inWatchTransaction } from '@/lib/tracking/write-watch-state';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export const purgeResultSchema = z.object({ items: z.number().int(), episodes: z.number().int(), files: z.number().int() });

/** Deletes missing files, items and episodes that went missing before `cutoff` (all of them by default). */
export async function purgeMissing(libraryId: string | null, cutoff = new Date()): Promise<z.infer<typeof purgeResultSchema>> {
  const inLibrary = libraryId ? { libraryId } : {};
  const purged = { show: inLibrary, status: 'missing' as const, missingSince: { lt: cutoff } };
  // Purged episodes take their watch states along: through writeWatchState, which rewrites their shows' ShowWatch rows.
  const showIds = (await db.episode.findMany({ where: purged, select: { showId: true }, distinct: ['showId'] })).map((e) => e.showId);
  const missingFiles = { ...inLibrary, status: 'missing' as const, missingSince: { lt: cutoff } };
  const fileIds = await fileIdsWhere(missingFiles);
  const missingItems = { ...inLibrary, status: 'missing' as const, missingSince: { lt: cutoff } };
  const [files, episodes, items] = await inWatchTransaction({ showIds }, async (tx) => {
    // What users watched of them on Trakt stays, catalog-only.
    await keepTraktPlays(tx, {
      episodeIds: (await tx.episode.findMany({ where: purged, select: { id: true } })).map((e) => e.id),
      itemIds: (await tx.mediaItem.findMany({ where: missingItems, select: { id: true } })).map((i) => i.id),
    });
    const deleted = [
      await tx.mediaFile.deleteMany({ where: missingFiles }),
      await tx.episode.deleteMany({ where: purged }),
      await tx.mediaItem.deleteMany({ where: missingItems }),
    ];
    await tx.season.deleteMany({ where: { show: inLibrary, episodes: { none: {} } } });
    return deleted;
  });
  catalogChanged();
  // The purged files' renditions go with them.
  await removeRenditionsOfGone(fileIds);
  return { items: items.count, episodes: episodes.count, files: files.count };
}

export async function purgeMissingNow(libraryId: string) {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  return purgeMissing(libraryId, new Date(Date.now() + 1000));
}
