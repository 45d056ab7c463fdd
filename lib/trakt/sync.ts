// One Trakt sync of one user: push the outbox first (so a pull never brings back what was just
// unwatched here), then pull. At most one runs per user at a time (a lease, besides the job's
// dedupe key); each run is logged in TraktSyncRun (counts, requests, error) for Settings.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { acquireLease, releaseLease } from '@/lib/jobs/lease';
import { TraktError } from './client';
import { withLinkedClient } from './link';
import { pullAccount } from './pull';
import { pushOutbox } from './push';

export type SyncOutcome =
  | { skipped: string }
  | { runId: string; status: 'ok' | 'failed'; pulled: number; pushed: number; requests: number; unchanged: boolean; added: number; removed: number; error?: string };

const LEASE_TTL_MS = 10 * 60_000;

export async function runSync(userId: string, trigger: 'schedule' | 'manual', progress: (f: number, m: string) => Promise<void> = async () => {}, signal?: AbortSignal): Promise<SyncOutcome> {
  const link = await db.traktLink.findUnique({ where: { userId }, select: { status: true } });
  if (!link) return { skipped: 'not linked' };
  if (link.status === 'needs_reauth') return { skipped: 'needs re-authorisation' };
  const lease = `trakt.sync:${userId}`;
  const holder = randomUUID();
  if (!(await acquireLease(lease, holder, LEASE_TTL_MS))) return { skipped: 'a sync of this account is already running' };
  const run = await db.traktSyncRun.create({ data: { userId, trigger } });
  let requests = 0;
  try {
    const outcome = await withLinkedClient(userId, async (client) => {
      try {
        await progress(0.02, 'Pushing changes');
        // A push that fails leaves its rows queued; the pull leaves their items alone, so it goes on.
        const push = await pushOutbox(userId, { client, signal });
        const pull = await pullAccount(userId, client, progress);
        return { push, pull };
      } finally {
        requests = client.requests;
      }
    }, signal);
    const data = { status: 'ok', finishedAt: new Date(), requests, pulled: outcome.pull.pulled, pushed: outcome.push.pushed, unchanged: outcome.pull.unchanged, error: outcome.push.error ? `Push: ${outcome.push.error}`.slice(0, 500) : null };
    await db.traktSyncRun.update({ where: { id: run.id }, data });
    await db.traktLink.update({ where: { userId }, data: { lastSyncAt: new Date() } });
    await progress(1, 'Done');
    return { runId: run.id, status: 'ok', pulled: data.pulled, pushed: data.pushed, requests, unchanged: data.unchanged, added: outcome.pull.added, removed: outcome.pull.removed, ...(data.error ? { error: data.error } : {}) };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await db.traktSyncRun.update({ where: { id: run.id }, data: { status: 'failed', finishedAt: new Date(), requests, error: error.slice(0, 500) } });
    if (!(err instanceof TraktError) && !(err instanceof Error && err.name === 'ApiError')) throw err;
    return { runId: run.id, status: 'failed', pulled: 0, pushed: 0, requests, unchanged: false, added: 0, removed: 0, error };
  } finally {
    await releaseLease(lease, holder);
  }
}

/** The user's last sync runs, newest first (Settings' sync log). */
export async function syncLog(userId: string, limit = 10) {
  const runs = await db.traktSyncRun.findMany({ where: { userId }, orderBy: { startedAt: 'desc' }, take: limit });
  return runs.map((r) => ({
    id: r.id, trigger: r.trigger, status: r.status, started_at: r.startedAt.toISOString(), finished_at: r.finishedAt?.toISOString() ?? null,
    requests: r.requests, pulled: r.pulled, pushed: r.pushed, unchanged: r.unchanged, error: r.error,
  }));
}

export async function syncLogView(userId: string) {
  const [pending, runs] = await Promise.all([db.watchOutbox.count({ where: { userId } }), syncLog(userId)]);
  return { pending_pushes: pending, runs };
}
