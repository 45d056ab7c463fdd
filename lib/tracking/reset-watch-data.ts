// Forgets everything one user has watched: resume points, watched marks and history (the demo
// account's daily reset). Through writeWatchState, so the user's per-show progress goes too.
import { db } from '@/lib/db';
import { inWatchTransaction } from './write-watch-state';

export async function resetWatchDataOf(userId: string): Promise<{ states: number; events: number }> {
  const shows = await db.showWatch.findMany({ where: { userId }, select: { showId: true } });
  return inWatchTransaction({ userId, showIds: shows.map((s) => s.showId) }, async (tx) => {
    const states = await tx.watchState.deleteMany({ where: { userId } });
    const events = await tx.watchEvent.deleteMany({ where: { userId } });
    return { states: states.count, events: events.count };
  });
}
