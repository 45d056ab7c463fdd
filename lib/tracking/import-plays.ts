// Plays pulled from Trakt, merged into a user's history (lib/trakt/pull.ts calls this). The rules:
// - a play on either side is a play: a Trakt play Marquee lacks becomes a viewing here (no outbox
//   entry: Trakt has it), a Marquee play Trakt lacks waits in the outbox to be pushed;
// - a play is the item plus its watched_at: the same time (to the second) is the same play, and a
//   play Marquee sent as a scrobble (Trakt stamps it with its own time) matches the nearest
//   unmatched play of the item within 15 minutes — pulls and retries never duplicate;
// - a play Trakt had at an earlier sync and no longer has was removed there after that sync: it is
//   removed here too. A play Marquee has not pushed yet is never removed by a pull.
import { db } from '@/lib/db';
import { inWatchTransaction, showsOfEpisodes, type Tx } from './write-watch-state';

export type PulledPlay = { itemId: string | null; episodeId: string | null; watchedAt: Date; traktPlayId: number };

const NEAR_MS = 15 * 60_000;
const targetKey = (p: { itemId: string | null; episodeId: string | null }) => (p.episodeId ? `e:${p.episodeId}` : `i:${p.itemId}`);

/** Rewrites the WatchState of the touched targets (at most a batch) from their history rows. */
async function restate(tx: Tx, userId: string, targets: { itemId: string | null; episodeId: string | null }[]) {
  const itemIds = targets.flatMap((t) => (!t.episodeId && t.itemId ? [t.itemId] : []));
  const episodeIds = targets.flatMap((t) => (t.episodeId ? [t.episodeId] : []));
  const agg = new Map<string, { plays: number; last: Date | null }>();
  if (itemIds.length) {
    for (const g of await tx.watchEvent.groupBy({ by: ['itemId'], where: { userId, episodeId: null, itemId: { in: itemIds } }, _count: { _all: true }, _max: { watchedAt: true } })) {
      agg.set(`i:${g.itemId}`, { plays: g._count._all, last: g._max.watchedAt });
    }
  }
  if (episodeIds.length) {
    for (const g of await tx.watchEvent.groupBy({ by: ['episodeId'], where: { userId, episodeId: { in: episodeIds } }, _count: { _all: true }, _max: { watchedAt: true } })) {
      agg.set(`e:${g.episodeId}`, { plays: g._count._all, last: g._max.watchedAt });
    }
  }
  for (const t of targets) {
    const a = agg.get(targetKey(t)) ?? { plays: 0, last: null };
    const data = { watched: a.plays > 0, playCount: a.plays, lastWatchedAt: a.last };
    const key = t.episodeId ? { userId_episodeId: { userId, episodeId: t.episodeId } } : { userId_itemId: { userId, itemId: t.itemId! } };
    await tx.watchState.upsert({ where: key, create: { userId, itemId: t.itemId, episodeId: t.episodeId, ...data }, update: a.plays > 0 ? { ...data, positionSecs: null } : data });
  }
}

/**
 * Merges Trakt's plays of library items into the user's history. `complete`: `plays` is Trakt's
 * whole history (removals can be seen); `pending`: targets with changes still in the outbox (left alone).
 */
export async function mergePulledPlays(userId: string, plays: PulledPlay[], opts: { complete: boolean; pending: Set<string> }) {
  const local = await db.watchEvent.findMany({
    where: { userId },
    select: { id: true, itemId: true, episodeId: true, watchedAt: true, traktSyncedAt: true, traktPlayId: true },
  });
  const byTarget = new Map<string, typeof local>();
  for (const e of local) byTarget.set(targetKey(e), [...(byTarget.get(targetKey(e)) ?? []), e]);
  const matched = new Set<string>();
  const toCreate: PulledPlay[] = [];
  const toMark: { id: string; traktPlayId: number }[] = [];
  for (const p of plays) {
    const key = targetKey(p);
    if (opts.pending.has(key)) continue;
    const candidates = (byTarget.get(key) ?? []).filter((e) => !matched.has(e.id));
    const second = Math.floor(p.watchedAt.getTime() / 1000);
    const same =
      candidates.find((e) => e.traktPlayId === p.traktPlayId) ??
      candidates.find((e) => Math.floor(e.watchedAt.getTime() / 1000) === second) ??
      candidates
        .filter((e) => e.traktPlayId === null && Math.abs(e.watchedAt.getTime() - p.watchedAt.getTime()) <= NEAR_MS)
        .sort((a, b) => Math.abs(a.watchedAt.getTime() - p.watchedAt.getTime()) - Math.abs(b.watchedAt.getTime() - p.watchedAt.getTime()))[0];
    if (same) {
      matched.add(same.id);
      if (same.traktPlayId !== p.traktPlayId || !same.traktSyncedAt) toMark.push({ id: same.id, traktPlayId: p.traktPlayId });
    } else toCreate.push(p);
  }
  const toRemove = opts.complete ? local.filter((e) => e.traktSyncedAt && !matched.has(e.id) && !opts.pending.has(targetKey(e))) : [];
  const touched = new Map<string, { itemId: string | null; episodeId: string | null }>();
  for (const p of [...toCreate, ...toRemove]) touched.set(targetKey(p), { itemId: p.itemId, episodeId: p.episodeId });
  const now = new Date();
  const touchedList = [...touched.values()];
  // Batches keep each transaction short (SQLite has one writer; a scan may be waiting).
  const BATCH = 500;
  for (let i = 0; i < Math.max(toMark.length, 1); i += BATCH) {
    const slice = toMark.slice(i, i + BATCH);
    if (slice.length === 0) break;
    await db.$transaction(slice.map((m) => db.watchEvent.update({ where: { id: m.id }, data: { traktSyncedAt: now, traktPlayId: m.traktPlayId } })));
  }
  for (let i = 0; i < touchedList.length; i += BATCH) {
    const slice = touchedList.slice(i, i + BATCH);
    const keys = new Set(slice.map(targetKey));
    const showIds = await showsOfEpisodes(slice.flatMap((t) => (t.episodeId ? [t.episodeId] : [])));
    await inWatchTransaction({ userId, showIds }, async (tx) => {
      const creates = toCreate.filter((p) => keys.has(targetKey(p)));
      if (creates.length) {
        await tx.watchEvent.createMany({ data: creates.map((p) => ({ userId, itemId: p.itemId, episodeId: p.episodeId, watchedAt: p.watchedAt, traktSyncedAt: now, traktPlayId: p.traktPlayId })) });
      }
      const removes = toRemove.filter((e) => keys.has(targetKey(e))).map((e) => e.id);
      for (let r = 0; r < removes.length; r += BATCH) await tx.watchEvent.deleteMany({ where: { id: { in: removes.slice(r, r + BATCH) } } });
      await restate(tx, userId, slice);
    });
  }
  return { added: toCreate.length, removed: toRemove.length, matched: toMark.length };
}

/** The targets whose changes still wait in the user's outbox (a pull leaves them alone). */
export async function pendingTargets(userId: string): Promise<Set<string>> {
  const rows = await db.watchOutbox.findMany({ where: { userId }, select: { itemId: true, episodeId: true } });
  return new Set(rows.map(targetKey));
}
