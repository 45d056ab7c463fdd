// The worker's live half of Trakt, driven by events from the web (lib/tracking/tracking-events.ts):
// a watch change queued in the outbox is pushed at once (one push at a time per user; a change that
// arrives meanwhile triggers another), and the player's progress becomes a scrobble start or pause.
// Events are hints: the sweep job retries whatever is still due.
import { db } from '@/lib/db';
import { subscribe } from '@/lib/events/events';
import { playbackProgressed, watchOutboxChanged } from '@/lib/tracking/tracking-events';
import { withLinkedClient } from './link';
import { pushOutbox } from './push';
import { scrobbleItem, traktRefOf } from './trakt-refs';

type Log = Pick<Console, 'warn'>;

export function startTraktWorker(log: Log = console): { stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const push = (userId: string) => {
    if (running.has(userId)) {
      again.add(userId);
      return;
    }
    const p = (async () => {
      do {
        again.delete(userId);
        const r = await pushOutbox(userId).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
        if ('error' in r && r.error) log.warn(`[trakt] push for ${userId} failed, will retry: ${r.error}`);
      } while (again.has(userId));
    })().finally(() => running.delete(userId));
    running.set(userId, p);
  };

  // user+target → the last action sent and when; a start older than 15 min is sent again (a new viewing).
  const scrobbling = new Map<string, { action: string; at: number }>();
  const scrobble = async (e: { userId: string; itemId: string | null; episodeId: string | null; progress: number; state: 'playing' | 'paused' | 'stopped' }) => {
    const link = await db.traktLink.findUnique({ where: { userId: e.userId }, select: { status: true } });
    if (!link || link.status === 'needs_reauth') return;
    const key = `${e.userId}:${e.episodeId ?? e.itemId}`;
    const action = e.state === 'playing' ? 'start' : e.state === 'paused' ? 'pause' : 'stop';
    // start is sent once per play, not every progress report; pause and stop every time.
    const last = scrobbling.get(key);
    if (action === 'start' && last?.action === 'start' && Date.now() - last.at < 15 * 60_000) return;
    const ref = await traktRefOf(e);
    if (!ref) return;
    await withLinkedClient(e.userId, (c) => c.post(`/scrobble/${action}`, { ...scrobbleItem(ref), progress: Math.round(e.progress * 100) / 100 }));
    if (action === 'stop') scrobbling.delete(key);
    else scrobbling.set(key, { action, at: Date.now() });
  };

  const unsubs = [
    subscribe(watchOutboxChanged, (e) => push(e.userId)),
    subscribe(playbackProgressed, (e) => void scrobble(e).catch((err: unknown) => log.warn(`[trakt] scrobble failed: ${err instanceof Error ? err.message : err}`))),
  ];
  return {
    async stop() {
      for (const u of unsubs) u();
      await Promise.allSettled([...running.values()]);
    },
  };
}
