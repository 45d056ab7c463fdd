// The event that keeps every process's listing cache true: a write changed the catalog (libraries,
// items, files, episodes), or one user's watch state (no user: every user's).
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';

export const listingsChanged = defineEvent(
  'listings.changed',
  z.discriminatedUnion('scope', [z.object({ scope: z.literal('catalog') }), z.object({ scope: z.literal('watch'), userId: z.string().min(1).max(100).optional() })]),
);
