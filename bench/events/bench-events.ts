import { z } from 'zod';
import { defineEvent } from '../../lib/events/define-event';

/** A timestamped event: the receiver measures how long it took to arrive. */
export const benchSent = defineEvent('bench.sent', z.object({ seq: z.number().int(), sentAt: z.number() }));
