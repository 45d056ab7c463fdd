// Forgets stored files for good (a folder left its library): the files, and the episodes, seasons
// and items left with no file by it. Episodes take their watch states along: through
// writeWatchState, which rewrites ShowWatch in the same transaction. On disk only the files'
// renditions (RENDITIONS_DIR/<fileId>) are removed; the files themselves are never touched.
import { db } from '@/lib/db';
import { removeRenditionsOfGone } from '@/lib/media/rendition-files';
import { keepTraktPlays } from '@/lib/tracking/keep-trakt-plays';
import { inWatchTransaction } from '@/lib/tracking/write-watch-state';
import { catalogChanged } from '@/lib/list-cache/list-cache';

const BATCH = 500;

export async function removeFiles(fileIds: string[]): Promise<{ files: number; items: number; episodes: number }> {
  const counts = { files: 0, items: 0, episodes: 0 };
  for (let start = 0; start < fileIds.length; start += BATCH) {
    const rows = await db.mediaFile.findMany({ where: { id: { in: fileIds.slice(start, start + BATCH) } }, select: { id: true, itemId: true, episodes: { select: { episodeId: true } } } });
    const itemIds = [...new Set(rows.flatMap((f) => (f.itemId ? [f.itemId] : [])))];
    const episodeIds = [...new Set(rows.flatMap((f) => f.episodes.map((e) => e.episodeId)))];
    const [files, episodes, items] = await inWatchTransaction({ showIds: itemIds }, async (tx) => {
      const files = await tx.mediaFile.deleteMany({ where: { id: { in: rows.map((f) => f.id) } } });
      // What is left with no file goes; what users watched of it on Trakt stays, catalog-only.
      const emptyEpisodes = (await tx.episode.findMany({ where: { id: { in: episodeIds }, files: { none: {} } }, select: { id: true } })).map((e) => e.id);
      await keepTraktPlays(tx, { episodeIds: emptyEpisodes });
      const episodes = await tx.episode.deleteMany({ where: { id: { in: emptyEpisodes } } });
      await tx.season.deleteMany({ where: { showId: { in: itemIds }, episodes: { none: {} } } });
      const emptyItems = (await tx.mediaItem.findMany({ where: { id: { in: itemIds }, files: { none: {} } }, select: { id: true } })).map((i) => i.id);
      await keepTraktPlays(tx, { itemIds: emptyItems });
      return [files, episodes, await tx.mediaItem.deleteMany({ where: { id: { in: emptyItems } } })];
    });
    await removeRenditionsOfGone(rows.map((f) => f.id));
    counts.files += files.count;
    counts.episodes += episodes.count;
    counts.items += items.count;
  }
  if (fileIds.length > 0) catalogChanged();
  return counts;
}
