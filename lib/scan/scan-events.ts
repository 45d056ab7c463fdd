// Events of the library watch: the web says a library was added, changed or deleted, and the
// worker holding the watch lease re-syncs its watchers at once instead of at its next tick.
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';

export const librariesChanged = defineEvent('libraries.changed', z.object({ libraryId: z.string().min(1).max(100) }));
