// The worker's Trakt jobs: a sync per user (one at a time per user: dedupe key + lease), the
// device-code poll (waits on the user, outside the shared slots), and the sweep every minute
// (refresh tokens before they expire, queue the periodic syncs, retry due pushes, drop stale states);
// metadata for catalog-only titles after a pull (TMDB's, or Trakt's episodes with no TMDB key), and adoption of catalog-only titles a scan brought in.
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { jobQueue } from '@/lib/jobs/job-queue';
import { TraktError } from './client';
import { linkedClient, setLinkStatus } from './link';
import { createArtworkStore } from '@/lib/metadata/store-artwork';
import { imageStoreDeps } from '@/lib/metadata/image-store-deps';
import { tmdbClient } from '@/lib/metadata/online/online-provider';
import { adoptCatalog } from './adopt';
import { enrichCatalog } from './catalog-enrich';
import { enrichEpisodesFromTrakt } from './catalog-trakt-episodes';
import { pollDevice } from './oauth';
import { pushOutbox } from './push';
import { runSync } from './sync';

const userId = z.string().min(1).max(100);
/** Tokens are refreshed when they have less than this left (Trakt's last 24 h). */
export const REFRESH_AHEAD_MS = 2 * 3600_000;

export const traktSyncJob = defineJob({
  name: 'trakt.sync',
  schema: z.object({ userId, trigger: z.enum(['schedule', 'manual']).default('schedule') }),
  dedupeKey: (p) => `trakt.sync:${p.userId}`,
  maxAttempts: 1,
  handle: (p, ctx) => runSync(p.userId, p.trigger, (f, m) => ctx.progress(f, m), ctx.signal),
});

export const traktDeviceJob = defineJob({
  name: 'trakt.devicePoll',
  schema: z.object({ stateId: z.string().min(1).max(100) }),
  dedupeKey: (p) => `trakt.device:${p.stateId}`,
  dedicated: true,
  maxAttempts: 1,
  async handle(p, ctx) {
    for (;;) {
      const { result, intervalSecs } = await pollDevice(p.stateId);
      if (result !== 'pending') return { result };
      // Poll at the interval Trakt gives (docs.trakt.tv/reference/postoauthdevicetoken).
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, intervalSecs * 1000);
        ctx.signal.addEventListener('abort', () => (clearTimeout(t), reject(ctx.signal.reason)), { once: true });
      });
    }
  },
});

/** Refreshes every token that expires soon; a refused refresh marks the link needs_reauth. */
export async function refreshExpiring(now = Date.now()) {
  const due = await db.traktLink.findMany({ where: { status: { not: 'needs_reauth' }, expiresAt: { lt: new Date(now + REFRESH_AHEAD_MS) } }, select: { userId: true } });
  let refreshed = 0;
  for (const { userId } of due) {
    try {
      await (await linkedClient(userId)).refresh();
      refreshed++;
    } catch (err) {
      if (err instanceof TraktError && err.kind === 'needs_reauth') await setLinkStatus(userId, 'needs_reauth', 'Trakt refused to renew the link: link Trakt again in Settings. Your history here is kept, and changes wait to be sent.');
    }
  }
  return refreshed;
}

export const traktSweepJob = defineJob({
  name: 'trakt.sweep',
  schema: z.object({}),
  dedupeKey: () => 'trakt.sweep',
  async handle() {
    const refreshed = await refreshExpiring();
    const since = new Date(Date.now() - config().trakt.syncMs);
    const dueSync = await db.traktLink.findMany({ where: { status: { not: 'needs_reauth' }, OR: [{ lastSyncAt: null }, { lastSyncAt: { lt: since } }] }, select: { userId: true } });
    for (const l of dueSync) await jobQueue().enqueue(traktSyncJob, { userId: l.userId, trigger: 'schedule' });
    const duePush = await db.watchOutbox.findMany({ where: { nextAttemptAt: { lte: new Date() } }, select: { userId: true }, distinct: ['userId'] });
    let pushed = 0;
    for (const p of duePush) pushed += (await pushOutbox(p.userId)).pushed;
    const { count: states } = await db.traktAuthState.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 3600_000) } } });
    return { refreshed, syncs_queued: dueSync.length, pushed, states_removed: states };
  },
});

/** Nothing of a library's files is ever read for a catalog-only title: its poster comes from TMDB. */
const noFiles = {
  stat: async () => null,
  readFile: () => Promise.reject(new Error('catalog-only titles have no files')),
  grabFrame: () => Promise.reject(new Error('catalog-only titles have no files')),
};

/** Catalog-only titles' metadata from the configured TMDB, posters into the image store; skipped with no TMDB key. */
export async function enrichFromTmdb(signal?: AbortSignal) {
  const tmdb = tmdbClient();
  if (!tmdb) return { skipped: 'no TMDB key' };
  return enrichCatalog({ tmdb, artwork: createArtworkStore({ ...imageStoreDeps(), ...noFiles }) }, signal);
}

/**
 * Catalog-only titles' metadata: from TMDB when a key is set; else their shows' episodes and air
 * dates from Trakt (GET /shows/:id/seasons, with a watching user's link), so the calendar, aired
 * counts and next episodes work without TMDB.
 */
export async function enrichCatalogTitles(signal?: AbortSignal) {
  if (tmdbClient()) return { source: 'tmdb' as const, ...(await enrichFromTmdb(signal)) };
  return { source: 'trakt' as const, ...(await enrichEpisodesFromTrakt({ clientFor: (userId) => linkedClient(userId, signal) }, signal)) };
}

export const traktEnrichJob = defineJob({
  name: 'trakt.enrich',
  schema: z.object({}),
  dedupeKey: () => 'trakt.enrich',
  maxAttempts: 1,
  background: true,
  handle: (_p, ctx) => enrichCatalogTitles(ctx.signal),
});

export const traktAdoptJob = defineJob({
  name: 'trakt.adopt',
  schema: z.object({}),
  dedupeKey: () => 'trakt.adopt',
  maxAttempts: 2,
  background: true,
  handle: () => adoptCatalog(),
});
