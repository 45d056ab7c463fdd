// Forgets stored files for good (a folder left its library): the files, and the episodes, seasons
// and items left with no file by it. Watch progress on what goes is rewritten (ShowWatch) in the
// same transaction. Nothing on disk is touched.
import { db } from '@/lib/db';
import { refreshShowWatch } from '@/lib/tracking/show-watch';

const BATCH = 500;

export async function removeFiles(fileIds: string[]): Promise<{ files: number; items: number; episodes: number }> {
  const counts = { files: 0, items: 0, episodes: 0 };
  for (let start = 0; start < fileIds.length; start += BATCH) {
    const rows = await db.mediaFile.findMany({ where: { id: { in: fileIds.slice(start, start + BATCH) } }, select: { id: true, itemId: true, episodes: { select: { episodeId: true } } } });
    const itemIds = [...new Set(rows.flatMap((f) => (f.itemId ? [f.itemId] : [])))];
    const episodeIds = [...new Set(rows.flatMap((f) => f.episodes.map((e) => e.episodeId)))];
    const [files, episodes, , items] = await db.$transaction([
      db.mediaFile.deleteMany({ where: { id: { in: rows.map((f) => f.id) } } }),
      db.episode.deleteMany({ where: { id: { in: episodeIds }, files: { none: {} } } }),
      db.season.deleteMany({ where: { showId: { in: itemIds }, episodes: { none: {} } } }),
      db.mediaItem.deleteMany({ where: { id: { in: itemIds }, files: { none: {} } } }),
      ...refreshShowWatch({ showIds: itemIds }),
    ]);
    counts.files += files.count;
    counts.episodes += episodes.count;
    counts.items += items.count;
  }
  return counts;
}
