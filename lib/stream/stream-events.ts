// The events a stream session crosses the web ↔ worker seam with (lib/events carries them):
// the web says a player asked for something; the worker (or the web, on DELETE) says the session
// changed — new segments listed, failed, or ended. They are hints: each side re-reads the state.
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';

const sessionId = z.string().min(1).max(100);

/** Web → worker: a player asked for the session (`segment`: a segment of it), so it is not idle. */
export const streamRequested = defineEvent('stream.requested', z.object({ sessionId, segment: z.number().int().min(0).optional() }));

/** Either way: segments were listed (state running), the stream failed, or the session ended. */
export const streamChanged = defineEvent(
  'stream.changed',
  z.object({ sessionId, state: z.enum(['running', 'failed', 'ended']), error: z.string().max(500).optional() }),
);

/** Either way: a session was started, or its live figures (ffmpeg speed and CPU) were measured — for the admin sessions page. */
export const streamSessionUpdated = defineEvent('stream.session-updated', z.object({ sessionId }));

/** Worker → web: a text subtitle track was converted to WebVTT at `output`, or failed to. */
export const subtitleConverted = defineEvent('subtitle.converted', z.object({ output: z.string().min(1).max(1000), error: z.string().max(500).optional() }));

/** Worker → web: the scrub previews of a file were made (or could not be). */
export const trickplayMade = defineEvent('trickplay.made', z.object({ fileId: z.string().min(1).max(100), ok: z.boolean() }));
