// Events of the tracking domain that cross web ↔ worker: watch changes waiting to reach Trakt
// (the worker drains the user's outbox at once), and the player's progress (the worker scrobbles).
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';

const userId = z.string().min(1).max(100);

export const watchOutboxChanged = defineEvent('tracking.outbox-changed', z.object({ userId }));

export const playbackProgressed = defineEvent(
  'playback.progressed',
  z.object({
    userId,
    itemId: z.string().min(1).max(100).nullable(),
    episodeId: z.string().min(1).max(100).nullable(),
    /** Percent, 0–100. */
    progress: z.number().min(0).max(100),
    state: z.enum(['playing', 'paused', 'stopped']),
  }),
);
