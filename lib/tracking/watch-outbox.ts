// The outbox of watch changes for Trakt: written in the same transaction as the change itself, only
// for users with a Trakt link, so a change is never lost between Marquee and Trakt (the worker drains
// it: lib/trakt/push.ts). Plays imported from Trakt are written without it (they are there already).
import { notify } from '@/lib/events/events';
import { watchOutboxChanged } from './tracking-events';
import type { Tx } from './write-watch-state';

export type OutboxEntry = { action: 'add' | 'remove'; itemId: string | null; episodeId: string | null; watchedAt?: Date; scrobbleProgress?: number; traktPlayIds?: number[] };

/** Queues entries for the user's Trakt push; true when queued (the user is linked). */
export async function queueForTrakt(tx: Tx, userId: string, entries: OutboxEntry[]): Promise<boolean> {
  if (entries.length === 0) return false;
  const link = await tx.traktLink.findUnique({ where: { userId }, select: { userId: true } });
  if (!link) return false;
  await tx.watchOutbox.createMany({
    data: entries.map((e) => ({ userId, action: e.action, itemId: e.itemId, episodeId: e.episodeId, watchedAt: e.watchedAt ?? null, scrobbleProgress: e.scrobbleProgress ?? null, traktPlayIds: e.traktPlayIds?.length ? JSON.stringify(e.traktPlayIds) : null })),
  });
  return true;
}

/** Wakes the worker's pusher once the transaction has committed. */
export function announceOutbox(userId: string, queued: boolean) {
  if (queued) notify(watchOutboxChanged, { userId });
}
