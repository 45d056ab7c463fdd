// A second process for the events tests: answers every `test.pinged` with a `test.ponged` carrying
// the same sequence number, and says "ready" once it listens.
import { z } from 'zod';
import { loadConfigOrExit } from '@/lib/config';
import { defineEvent } from '@/lib/events/define-event';
import { notify, subscribe } from '@/lib/events/events';

export const pinged = defineEvent('test.pinged', z.object({ seq: z.number().int() }));
export const ponged = defineEvent('test.ponged', z.object({ seq: z.number().int(), pid: z.number().int() }));

if (process.argv[1]?.endsWith('event-echo.ts')) {
  loadConfigOrExit();
  subscribe(pinged, ({ seq }) => notify(ponged, { seq, pid: process.pid }));
  setInterval(() => undefined, 60_000); // stay alive until killed
  console.log('ready');
}
