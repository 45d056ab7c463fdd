// The events remote control crosses web instances with (lib/events carries them: the Unix-socket
// mesh on SQLite, LISTEN/NOTIFY on PostgreSQL). They carry ids only; each side re-reads the rows.
import { z } from 'zod';
import { defineEvent } from '@/lib/events/define-event';

const id = z.string().min(1).max(100);

/** A command was stored for a device: whichever web instance holds its stream writes it down. */
export const deviceCommandSent = defineEvent('remote.command-sent', z.object({ deviceId: id, commandId: id }));

/** A device connected, went away, was renamed or reported its state (remote pages, waiters). */
export const deviceChanged = defineEvent('remote.device-changed', z.object({ userId: id, deviceId: id }));

/** A command changed status (delivered, done, failed, expired). */
export const deviceCommandUpdated = defineEvent('remote.command-updated', z.object({ deviceId: id, commandId: id }));
