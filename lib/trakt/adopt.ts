// When a scan brings a catalog-only title into a library: every user's TraktItem that now matches a
// library item (by ids, then title + year, as the pull matches) gets its item, and the plays kept
// for it in TraktPlay become that user's viewings (watch state, history) without asking Trakt again
// — merged by the pull's rules, so a play is never doubled. A play of an episode the library still
// lacks stays catalog-only until it arrives. Run by the worker after metadata jobs (job `trakt.adopt`).
import { z } from 'zod';
import { db } from '@/lib/db';
import { mergePulledPlays, pendingTargets, type PulledPlay } from '@/lib/tracking/import-plays';
import { episodeIndex, libraryIndex } from './library-match';

const ids = z.object({ trakt: z.number(), imdb: z.string().nullish(), tmdb: z.number().nullish(), tvdb: z.number().nullish() }).loose();

export type AdoptResult = { matched: number; plays: number };

/**
 * Adopts until no library item changed during a pass (an item identified while a pass ran is seen
 * by the next: the job is deduplicated, so the metadata job that identified it queued none). At most 5 passes.
 */
export async function adoptCatalog(): Promise<AdoptResult> {
  const total: AdoptResult = { matched: 0, plays: 0 };
  for (let pass = 0; pass < 5; pass++) {
    const started = new Date();
    const r = await adoptCatalogItems();
    total.matched += r.matched;
    total.plays += r.plays;
    if ((await db.mediaItem.count({ where: { updatedAt: { gte: started } } })) === 0) break;
  }
  return total;
}

export async function adoptCatalogItems(): Promise<AdoptResult> {
  const open = await db.traktItem.findMany({
    where: { OR: [{ itemId: null }, { catalogPlays: { some: {} } }] },
    select: { id: true, userId: true, kind: true, title: true, year: true, ids: true, itemId: true },
  });
  const result: AdoptResult = { matched: 0, plays: 0 };
  if (open.length === 0) return result;
  const movieOf = await libraryIndex('movie');
  const showOf = await libraryIndex('show');
  const matched: { traktItemId: string; userId: string; kind: string; itemId: string }[] = [];
  for (const t of open) {
    const parsed = ids.safeParse(JSON.parse(t.ids));
    if (!parsed.success) continue;
    const itemId = (t.kind === 'movie' ? movieOf : showOf)({ title: t.title, year: t.year, ids: parsed.data });
    if (!itemId) continue;
    if (t.itemId !== itemId) {
      await db.traktItem.update({ where: { id: t.id }, data: { itemId } });
      result.matched++;
    }
    matched.push({ traktItemId: t.id, userId: t.userId, kind: t.kind, itemId });
  }
  const episodeOf = await episodeIndex([...new Set(matched.filter((m) => m.kind === 'show').map((m) => m.itemId))]);
  const byUser = new Map<string, typeof matched>();
  for (const m of matched) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  for (const [userId, items] of byUser) {
    const target = new Map(items.map((m) => [m.traktItemId, m]));
    const rows = await db.traktPlay.findMany({ where: { userId, traktItemId: { in: [...target.keys()] } } });
    const plays: PulledPlay[] = [];
    const adopted: string[] = [];
    for (const r of rows) {
      const m = target.get(r.traktItemId)!;
      const episodeId = m.kind === 'show' && r.season !== null && r.number !== null ? episodeOf(m.itemId, r.season, r.number) : null;
      if (m.kind === 'show' && !episodeId) continue;
      plays.push({ itemId: m.kind === 'movie' ? m.itemId : null, episodeId, watchedAt: r.watchedAt, traktPlayId: r.traktPlayId });
      adopted.push(r.id);
    }
    if (plays.length === 0) continue;
    await mergePulledPlays(userId, plays, { complete: false, pending: await pendingTargets(userId) });
    for (let i = 0; i < adopted.length; i += 500) await db.traktPlay.deleteMany({ where: { id: { in: adopted.slice(i, i + 500) } } });
    result.plays += plays.length;
  }
  return result;
}
