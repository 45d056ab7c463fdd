// The one way to write watch state. ShowWatch (per user and show: watched episodes outside specials,
// the newest watch time, the furthest episode) is derived from WatchState and Episode; it stays right
// because every write that changes either for a show — marking watched or unwatched
// (lib/tracking/watched.ts), resume points (lib/tracking/resume.ts), editing and deleting seasons or
// episodes (lib/library/edit-media.ts), purging missing ones (lib/library/missing-and-duplicates.ts),
// forgetting the files of a folder that left its library (lib/scan/remove-files.ts) — runs through
// writeWatchState, which rewrites the shows' rows in the same transaction. Deleting a
// user or a show cascades to its rows.
import { db, type Db } from '@/lib/db';
import { rewriteShowWatch } from './reads/rewrite-show-watch';
import { watchStateChanged } from '@/lib/list-cache/list-cache';

/** An interactive transaction's client. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Whose rows and which shows a write may change (no user: every user's). */
export type WatchScope = { showIds: string[]; userId?: string };

/** Runs `write` on the transaction `tx`, then rewrites the ShowWatch rows of `scope` in it. */
export async function writeWatchState<T>(tx: Tx, scope: WatchScope, write: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await write(tx);
  await rewriteShowWatch(tx, scope);
  return result;
}

/** writeWatchState in a transaction of its own; then the listings that depend on it are stale. */
export async function inWatchTransaction<T>(scope: WatchScope, write: (tx: Tx) => Promise<T>): Promise<T> {
  // SQLite has one writer: wait for a scan's batch rather than fail (as lib/scan/write-probed.ts).
  const result = await db.$transaction((tx) => writeWatchState(tx, scope, write), { maxWait: 30_000, timeout: 60_000 });
  watchStateChanged(scope.userId);
  return result;
}

/** The shows these episodes belong to. */
export async function showsOfEpisodes(episodeIds: string[]): Promise<string[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db.episode.findMany({ where: { id: { in: episodeIds } }, select: { showId: true }, distinct: ['showId'] });
  return rows.map((r) => r.showId);
}
