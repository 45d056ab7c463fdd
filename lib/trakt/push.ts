// Drains a user's outbox to Trakt, oldest first, in batches: plays to /sync/history with their
// watched_at (a retry adds nothing: Trakt and our pull both treat item + watched_at as one play),
// removals to /sync/history/remove (by Trakt history ids when known), and plays made in the player
// as /scrobble/stop (Trakt records the play itself; 409 means it already has it). A failure leaves
// the rows in the database with a backoff, so nothing is lost to a Trakt outage or a worker restart.
import { db } from '@/lib/db';
import { backoffDelay, type Backoff } from '@/lib/jobs/backoff-delay';
import { TraktError, type TraktClient } from './client';
import { withLinkedClient } from './link';
import { scrobbleItem, traktRefOf, type TraktRef } from './trakt-refs';

const BATCH = 100;
/** A play from the player is scrobbled while fresh; later (a long outage) it goes to /sync/history. */
const SCROBBLE_FRESH_MS = 10 * 60_000;
export const PUSH_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 30 * 60_000 };

type Row = Awaited<ReturnType<typeof db.watchOutbox.findMany>>[number];
type Resolved = { row: Row; ref: TraktRef };

/** The /sync/history body for a run of rows (movies, and shows → seasons → episodes). */
function historyBody(items: Resolved[], withTime: boolean) {
  const movies: unknown[] = [];
  const shows = new Map<string, { title: string; year?: number; ids: object; seasons: Map<number, { number: number; watched_at?: string }[]> }>();
  for (const { row, ref } of items) {
    const watched_at = withTime && row.watchedAt ? row.watchedAt.toISOString() : undefined;
    if (ref.kind === 'movie') {
      movies.push({ title: ref.title, year: ref.year, ids: ref.ids, watched_at });
      continue;
    }
    const key = JSON.stringify(ref.show.ids);
    const show = shows.get(key) ?? { ...ref.show, seasons: new Map() };
    shows.set(key, show);
    show.seasons.set(ref.season, [...(show.seasons.get(ref.season) ?? []), { number: ref.number, watched_at }]);
  }
  return {
    movies,
    shows: [...shows.values()].map((s) => ({ title: s.title, year: s.year, ids: s.ids, seasons: [...s.seasons].map(([number, episodes]) => ({ number, episodes })) })),
  };
}

async function sendRun(client: TraktClient, action: string, run: Resolved[]) {
  if (action === 'add') {
    const now = Date.now();
    const scrobbles = run.filter((r) => r.row.scrobbleProgress !== null && now - r.row.createdAt.getTime() < SCROBBLE_FRESH_MS);
    const plain = run.filter((r) => !scrobbles.includes(r));
    for (const s of scrobbles) {
      try {
        await client.post('/scrobble/stop', { ...scrobbleItem(s.ref), progress: Math.min(100, s.row.scrobbleProgress!) });
      } catch (err) {
        if (err instanceof TraktError && err.status === 409) continue; // Trakt already has this play
        if (err instanceof TraktError && err.kind === 'http') plain.push(s); // refused as a scrobble: push it as a play
        else throw err;
      }
    }
    if (plain.length) await client.post('/sync/history', historyBody(plain, true));
    return;
  }
  const byIds = run.flatMap((r) => (r.row.traktPlayIds ? (JSON.parse(r.row.traktPlayIds) as number[]) : []));
  const byItem = run.filter((r) => !r.row.traktPlayIds);
  await client.post('/sync/history/remove', { ...historyBody(byItem, false), ids: byIds });
}

/** Marks the local plays just pushed as on Trakt (so a later pull will not re-add or remove them wrongly). */
async function markSynced(userId: string, rows: Row[]) {
  const now = new Date();
  for (const r of rows) {
    if (r.action !== 'add' || !r.watchedAt) continue;
    await db.watchEvent.updateMany({ where: { userId, itemId: r.itemId, episodeId: r.episodeId, watchedAt: r.watchedAt }, data: { traktSyncedAt: now } });
  }
}

export type PushResult = { pushed: number; dropped: number; failed: number; error?: string };

/** Pushes the user's due outbox rows; stops at the first failure (the rest keep their order). */
export async function pushOutbox(userId: string, opts: { signal?: AbortSignal; backoff?: Backoff; client?: TraktClient } = {}): Promise<PushResult> {
  const result: PushResult = { pushed: 0, dropped: 0, failed: 0 };
  const link = await db.traktLink.findUnique({ where: { userId }, select: { status: true } });
  if (!link || link.status === 'needs_reauth') return result; // kept until the user links again
  const run = async (client: TraktClient) => {
    for (;;) {
      const rows = await db.watchOutbox.findMany({ where: { userId, nextAttemptAt: { lte: new Date() } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: BATCH });
      if (rows.length === 0) return;
      const resolved: Resolved[] = [];
      const unresolvable: string[] = [];
      for (const row of rows) {
        const ref = await traktRefOf(row);
        if (ref) resolved.push({ row, ref });
        else unresolvable.push(row.id);
      }
      if (unresolvable.length) {
        await db.watchOutbox.deleteMany({ where: { id: { in: unresolvable } } });
        result.dropped += unresolvable.length;
      }
      // Consecutive rows of one action go together; the order of add/remove is kept.
      let i = 0;
      while (i < resolved.length) {
        let j = i;
        while (j < resolved.length && resolved[j].row.action === resolved[i].row.action) j++;
        const slice = resolved.slice(i, j);
        try {
          await sendRun(client, resolved[i].row.action, slice);
        } catch (err) {
          const attemptsLeft = slice.map((s) => s.row);
          const message = err instanceof Error ? err.message : String(err);
          if (!(err instanceof TraktError && err.kind === 'needs_reauth')) {
            for (const r of attemptsLeft) {
              const delay = err instanceof TraktError && err.retryAfterMs ? Math.max(err.retryAfterMs, backoffDelay(r.attempts + 1, opts.backoff ?? PUSH_BACKOFF)) : backoffDelay(r.attempts + 1, opts.backoff ?? PUSH_BACKOFF);
              await db.watchOutbox.update({ where: { id: r.id }, data: { attempts: { increment: 1 }, nextAttemptAt: new Date(Date.now() + delay), lastError: message.slice(0, 500) } });
            }
          }
          result.failed += slice.length;
          result.error = message;
          throw err;
        }
        await db.watchOutbox.deleteMany({ where: { id: { in: slice.map((s) => s.row.id) } } });
        await markSynced(userId, slice.map((s) => s.row));
        result.pushed += slice.length;
        i = j;
      }
    }
  };
  try {
    if (opts.client) await run(opts.client);
    else await withLinkedClient(userId, run, opts.signal);
  } catch (err) {
    if (!(err instanceof TraktError) && !result.error) throw err;
    result.error ??= (err as Error).message;
  }
  return result;
}
