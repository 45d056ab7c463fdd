// After a scan: an item, season or episode is `missing` when none of its files is on disk, and
// `ok` again as soon as one is. Missing things are shown, not playable, and not deleted.
// `itemIds` narrows it to those items (a remote scanner's push touches one at a time).
import { db } from '@/lib/db';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export async function updatePresence(libraryId: string, now = new Date(), itemIds?: string[]): Promise<{ missing: number; restored: number }> {
  if (itemIds?.length === 0) return { missing: 0, restored: 0 };
  const items = await db.mediaItem.findMany({
    where: { libraryId, ...(itemIds ? { id: { in: itemIds } } : {}) },
    select: {
      id: true,
      status: true,
      files: { select: { status: true } },
      seasons: { select: { id: true, status: true } },
      episodes: { select: { id: true, seasonId: true, status: true, files: { select: { file: { select: { status: true } } } } } },
    },
  });
  const toMissing = { items: [] as string[], episodes: [] as string[], seasons: [] as string[] };
  const toOk = { items: [] as string[], episodes: [] as string[], seasons: [] as string[] };
  for (const item of items) {
    const presentSeasons = new Set<string>();
    for (const ep of item.episodes) {
      const present = ep.files.some((f) => f.file.status === 'ok');
      if (present) presentSeasons.add(ep.seasonId);
      if (present !== (ep.status === 'ok')) (present ? toOk : toMissing).episodes.push(ep.id);
    }
    for (const s of item.seasons) {
      const present = presentSeasons.has(s.id);
      if (present !== (s.status === 'ok')) (present ? toOk : toMissing).seasons.push(s.id);
    }
    const present = item.files.some((f) => f.status === 'ok');
    if (present !== (item.status === 'ok')) (present ? toOk : toMissing).items.push(item.id);
  }
  await db.$transaction([
    db.mediaItem.updateMany({ where: { id: { in: toMissing.items } }, data: { status: 'missing', missingSince: now } }),
    db.mediaItem.updateMany({ where: { id: { in: toOk.items } }, data: { status: 'ok', missingSince: null } }),
    db.episode.updateMany({ where: { id: { in: toMissing.episodes } }, data: { status: 'missing', missingSince: now } }),
    db.episode.updateMany({ where: { id: { in: toOk.episodes } }, data: { status: 'ok', missingSince: null } }),
    db.season.updateMany({ where: { id: { in: toMissing.seasons } }, data: { status: 'missing' } }),
    db.season.updateMany({ where: { id: { in: toOk.seasons } }, data: { status: 'ok' } }),
  ]);
  catalogChanged();
  return { missing: toMissing.items.length + toMissing.episodes.length, restored: toOk.items.length + toOk.episodes.length };
}
