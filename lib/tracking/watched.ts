// Watched / unwatched and follows, per user, on movies, videos and episodes (never files): the
// state lives in WatchState, each viewing in WatchEvent (history). Shows and seasons are marked
// through their episodes. Every write goes through writeWatchState, which rewrites the user's
// ShowWatch rows of the shows touched in the same transaction (lib/tracking/write-watch-state.ts).
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { announceOutbox, queueForTrakt } from './watch-outbox';
import { inWatchTransaction, showsOfEpisodes, type Tx } from './write-watch-state';

export type Target = { itemId: string | null; episodeId: string | null };

function stateKey(userId: string, t: Target) {
  return t.episodeId ? { userId_episodeId: { userId, episodeId: t.episodeId } } : { userId_itemId: { userId, itemId: t.itemId! } };
}

/** The writes of one viewing: watched, play count + 1, resume point cleared, a history row. */
async function viewing(tx: Tx, userId: string, t: Target, at: Date, scrobbleProgress?: number) {
  const state = await tx.watchState.upsert({
    where: stateKey(userId, t),
    create: { userId, itemId: t.itemId, episodeId: t.episodeId, watched: true, playCount: 1, lastWatchedAt: at, positionSecs: null },
    update: { watched: true, playCount: { increment: 1 }, lastWatchedAt: at, positionSecs: null },
  });
  await tx.watchEvent.create({ data: { userId, itemId: t.itemId, episodeId: t.episodeId, watchedAt: at } });
  return { state, queued: await queueForTrakt(tx, userId, [{ action: 'add', itemId: t.itemId, episodeId: t.episodeId, watchedAt: at, scrobbleProgress }]) };
}

const episodeIdsOf = (targets: Target[]) => targets.flatMap((t) => (t.episodeId ? [t.episodeId] : []));

/** Records one viewing (playback past 90 %: `scrobbleProgress` is the percent reached; or marked watched). */
export async function recordViewing(userId: string, t: Target, at = new Date(), scrobbleProgress?: number) {
  const showIds = await showsOfEpisodes(episodeIdsOf([t]));
  const { state, queued } = await inWatchTransaction({ userId, showIds }, (tx) => viewing(tx, userId, t, at, scrobbleProgress));
  announceOutbox(userId, queued);
  return state;
}

/** Marks watched only what is not watched yet (marking a season twice does not count twice). */
async function markMany(userId: string, targets: Target[]) {
  const at = new Date();
  const episodeIds = episodeIdsOf(targets);
  const itemIds = targets.flatMap((t) => (t.itemId ? [t.itemId] : []));
  const already = await db.watchState.findMany({
    where: { userId, watched: true, OR: [{ episodeId: { in: episodeIds } }, { itemId: { in: itemIds } }] },
    select: { episodeId: true, itemId: true },
  });
  const done = new Set(already.map((w) => w.episodeId ?? w.itemId));
  const todo = targets.filter((t) => !done.has(t.episodeId ?? t.itemId));
  if (todo.length === 0) return;
  const showIds = await showsOfEpisodes(episodeIdsOf(todo));
  const queued = await inWatchTransaction({ userId, showIds }, async (tx) => {
    let any = false;
    for (const t of todo) any = (await viewing(tx, userId, t, at)).queued || any;
    return any;
  });
  announceOutbox(userId, queued);
}

async function unmarkMany(userId: string, targets: Target[]) {
  const episodeIds = episodeIdsOf(targets);
  const itemIds = targets.flatMap((t) => (t.itemId ? [t.itemId] : []));
  const where = { userId, OR: [{ episodeId: { in: episodeIds } }, { itemId: { in: itemIds } }] };
  const showIds = await showsOfEpisodes(episodeIds);
  const queued = await inWatchTransaction({ userId, showIds }, async (tx) => {
    // Trakt loses only the plays it has from us or we pulled from it (unwatched removes this side's
    // plays); plays not pushed yet simply leave the outbox.
    const synced = await tx.watchEvent.findMany({ where: { ...where, traktSyncedAt: { not: null } }, select: { itemId: true, episodeId: true, traktPlayId: true } });
    await tx.watchOutbox.deleteMany({ where: { ...where, action: 'add' } });
    await tx.watchState.updateMany({ where, data: { watched: false, playCount: 0, positionSecs: null, lastWatchedAt: null } });
    await tx.watchEvent.deleteMany({ where });
    const byTarget = new Map<string, { itemId: string | null; episodeId: string | null; ids: number[]; unknown: boolean }>();
    for (const e of synced) {
      const key = e.episodeId ?? e.itemId ?? '';
      const entry = byTarget.get(key) ?? { itemId: e.itemId, episodeId: e.episodeId, ids: [], unknown: false };
      if (e.traktPlayId !== null) entry.ids.push(e.traktPlayId);
      else entry.unknown = true;
      byTarget.set(key, entry);
    }
    return queueForTrakt(tx, userId, [...byTarget.values()].map((e) => ({ action: 'remove' as const, itemId: e.itemId, episodeId: e.episodeId, traktPlayIds: e.unknown ? undefined : e.ids })));
  });
  announceOutbox(userId, queued);
}

/** A movie or video → itself; a show → all its episodes; a season → its episodes. */
async function targetsOfMedia(id: string): Promise<Target[]> {
  const item = await db.mediaItem.findUnique({ where: { id }, select: { kind: true } });
  if (item && item.kind !== 'show') return [{ itemId: id, episodeId: null }];
  const where = item ? { showId: id, seasonNumber: { gt: 0 } } : { seasonId: id };
  if (!item && !(await db.season.findUnique({ where: { id }, select: { id: true } }))) throw new ApiError('not_found', 'No movie, video, show or season with this id.');
  const eps = await db.episode.findMany({ where, select: { id: true } });
  return eps.map((e) => ({ itemId: null, episodeId: e.id }));
}

async function episodeTarget(id: string): Promise<Target> {
  if (!(await db.episode.findUnique({ where: { id }, select: { id: true } }))) throw new ApiError('not_found', 'No episode with this id.');
  return { itemId: null, episodeId: id };
}

export type WatchedResult = { watched: boolean; count: number };

export async function setEpisodeWatched(userId: string, episodeId: string, watched: boolean): Promise<WatchedResult> {
  const t = await episodeTarget(episodeId);
  await (watched ? markMany : unmarkMany)(userId, [t]);
  return { watched, count: 1 };
}

export async function setMediaWatched(userId: string, mediaId: string, watched: boolean): Promise<WatchedResult> {
  const targets = await targetsOfMedia(mediaId);
  await (watched ? markMany : unmarkMany)(userId, targets);
  return { watched, count: targets.length };
}

/** This episode and every earlier one of its show (specials only when in season 0 themselves). */
export async function setWatchedUpTo(userId: string, episodeId: string): Promise<WatchedResult> {
  const ep = await db.episode.findUnique({ where: { id: episodeId }, select: { showId: true, seasonNumber: true, number: true } });
  if (!ep) throw new ApiError('not_found', 'No episode with this id.');
  const earlier = await db.episode.findMany({
    where: {
      showId: ep.showId,
      OR: [
        { seasonNumber: ep.seasonNumber, number: { lte: ep.number } },
        ...(ep.seasonNumber > 0 ? [{ seasonNumber: { gt: 0, lt: ep.seasonNumber } }] : []),
      ],
    },
    select: { id: true },
  });
  await markMany(userId, earlier.map((e) => ({ itemId: null, episodeId: e.id })));
  return { watched: true, count: earlier.length };
}

export async function setFollow(userId: string, showId: string, follow: boolean): Promise<{ following: boolean }> {
  const show = await db.mediaItem.findUnique({ where: { id: showId }, select: { kind: true } });
  if (!show || show.kind !== 'show') throw new ApiError('not_found', 'No show with this id.');
  if (follow) await db.follow.upsert({ where: { userId_showId: { userId, showId } }, create: { userId, showId }, update: {} });
  else await db.follow.deleteMany({ where: { userId, showId } });
  return { following: follow };
}

export async function isFollowing(userId: string, showId: string): Promise<boolean> {
  return (await db.follow.count({ where: { userId, showId } })) > 0;
}
