// When library items or episodes are deleted (an item or library removed, missing files purged,
// files gone from a scan), what users watched of them on Trakt must not vanish from Marquee with
// them: every TraktItem that pointed at a deleted item goes back to catalog-only for its user, and
// the viewings (WatchEvent rows, about to go by cascade) of users who have that title on Trakt
// become TraktPlay rows again — as a pull would have kept them had the title never been in a
// library. History, Your shows and the calendar then show them as "On Trakt, not in your library",
// and a scan that brings the title back adopts them again (lib/trakt/adopt.ts). Called inside the
// deleting transaction, before the deletes. Users with no Trakt title for it keep nothing: their
// plays were Marquee's own.
import type { Tx } from './write-watch-state';

const BATCH = 500;

const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));

async function inChunks<T, R>(xs: T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const c of chunks(xs)) out.push(...(await read(c)));
  return out;
}

export type KeptPlays = { released: number; plays: number; users: string[] };

/**
 * Keeps the Trakt history of items (movies, shows with all their episodes) and episodes about to be
 * deleted: TraktItems pointing at the items lose their item, and their users' plays become TraktPlay rows.
 */
export async function keepTraktPlays(tx: Tx, gone: { itemIds?: string[]; episodeIds?: string[] }): Promise<KeptPlays> {
  const itemIds = [...new Set(gone.itemIds ?? [])];
  const result: KeptPlays = { released: 0, plays: 0, users: [] };
  // The episodes that go: those named, and every episode of a show that goes.
  const episodes = [
    ...(await inChunks([...new Set(gone.episodeIds ?? [])], (ids) => tx.episode.findMany({ where: { id: { in: ids } }, select: { id: true, showId: true, seasonNumber: true, number: true, title: true } }))),
    ...(await inChunks(itemIds, (ids) => tx.episode.findMany({ where: { showId: { in: ids } }, select: { id: true, showId: true, seasonNumber: true, number: true, title: true } }))),
  ];
  const episodeOf = new Map(episodes.map((e) => [e.id, e]));
  const targets = [...new Set([...itemIds, ...episodes.map((e) => e.showId)])];
  if (targets.length === 0) return result;
  const traktItems = await inChunks(targets, (ids) => tx.traktItem.findMany({ where: { itemId: { in: ids } }, select: { id: true, userId: true, kind: true, itemId: true } }));
  if (traktItems.length === 0) return result;
  // The user's Trakt title of a library item: a movie's own, an episode's show's.
  const titleOf = new Map(traktItems.map((t) => [`${t.userId}:${t.kind === 'movie' ? 'movie' : 'show'}:${t.itemId}`, t.id]));
  const users = [...new Set(traktItems.map((t) => t.userId))];
  const movieIds = itemIds.filter((id) => traktItems.some((t) => t.kind === 'movie' && t.itemId === id));
  const events = [
    ...(await inChunks(movieIds, (ids) => tx.watchEvent.findMany({ where: { userId: { in: users }, itemId: { in: ids } }, select: { userId: true, itemId: true, episodeId: true, watchedAt: true, traktPlayId: true } }))),
    ...(await inChunks([...episodeOf.keys()], (ids) => tx.watchEvent.findMany({ where: { userId: { in: users }, episodeId: { in: ids } }, select: { userId: true, itemId: true, episodeId: true, watchedAt: true, traktPlayId: true } }))),
  ];
  const byUser = new Map<string, { traktItemId: string; traktPlayId: number | null; watchedAt: Date; season: number | null; number: number | null; episodeTitle: string | null }[]>();
  for (const ev of events) {
    const episode = ev.episodeId ? episodeOf.get(ev.episodeId) : undefined;
    const traktItemId = episode ? titleOf.get(`${ev.userId}:show:${episode.showId}`) : titleOf.get(`${ev.userId}:movie:${ev.itemId}`);
    if (!traktItemId) continue;
    const rows = byUser.get(ev.userId) ?? [];
    byUser.set(ev.userId, rows);
    rows.push({ traktItemId, traktPlayId: ev.traktPlayId, watchedAt: ev.watchedAt, season: episode?.seasonNumber ?? null, number: episode?.number ?? null, episodeTitle: episode?.title ?? null });
  }
  for (const [userId, rows] of byUser) {
    const known = await inChunks(rows.flatMap((r) => (r.traktPlayId === null ? [] : [r.traktPlayId])), (ids) => tx.traktPlay.findMany({ where: { userId, traktPlayId: { in: ids } }, select: { traktPlayId: true } }));
    const taken = new Set(known.map((k) => k.traktPlayId));
    // A play Trakt has not numbered yet (not pushed, or pushed since the last full pull) gets a
    // negative id of ours; the next full pull replaces every kept play with Trakt's own list.
    const lowest = await tx.traktPlay.aggregate({ where: { userId }, _min: { traktPlayId: true } });
    let next = Math.min(0, lowest._min.traktPlayId ?? 0) - 1;
    const data = rows.flatMap(({ traktPlayId, ...r }) => {
      if (traktPlayId !== null && taken.has(traktPlayId)) return [];
      if (traktPlayId !== null) taken.add(traktPlayId);
      return [{ userId, ...r, traktPlayId: traktPlayId ?? next-- }];
    });
    for (const c of chunks(data)) await tx.traktPlay.createMany({ data: c });
    result.plays += data.length;
  }
  const going = new Set(itemIds);
  const released = traktItems.filter((t) => going.has(t.itemId!)).map((t) => t.id);
  for (const c of chunks(released)) result.released += (await tx.traktItem.updateMany({ where: { id: { in: c } }, data: { itemId: null } })).count;
  result.users = users;
  return result;
}
