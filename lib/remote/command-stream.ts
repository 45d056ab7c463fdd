// A device's command stream: Server-Sent Events (GET /api/v1/devices/:id/events). SSE rather than
// a WebSocket because commands only flow down (state reports go up as plain POSTs/PUTs with the
// usual auth and zod parsing), it runs through Next route handlers and any HTTP proxy without an
// upgrade, and EventSource reconnects by itself. The stream stays open on whichever web instance
// the device reached; commands reach it from any instance through the events seam.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { notify, subscribe } from '@/lib/events/events';
import { eventStreamResponse, sseFrame, sseLine } from '@/lib/http/event-stream';
import { expireOpenCommands, takePendingCommands } from './commands';
import { deviceFor, REPORT_EVERY_MS } from './devices';
import { deviceChanged, deviceCommandSent } from './remote-events';

/** Opens the stream: `hello`, then each command as `command` ({id, command, …args}); a comment every 5 s keeps proxies from closing it. */
export async function openCommandStream(userId: string, deviceId: string, signal: AbortSignal): Promise<Response> {
  await deviceFor(userId, deviceId);
  const connectionId = randomBytes(12).toString('base64url');
  await db.device.update({ where: { id: deviceId }, data: { connectionId, lastSeenAt: new Date() } });
  notify(deviceChanged, { userId, deviceId });

  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const close = async () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
    try {
      controllerRef?.close();
    } catch {
      /* already closed by the client */
    }
    // Only this stream's own mark is cleared: a reconnect may already hold the device.
    const { count } = await db.device.updateMany({ where: { id: deviceId, connectionId }, data: { connectionId: null } });
    if (count === 1) {
      notify(deviceChanged, { userId, deviceId });
      await expireOpenCommands(deviceId, 'The device disconnected before finishing it.');
    }
  };
  const onAbort = () => void close().catch(() => undefined);

  const write = (chunk: Uint8Array) => {
    if (closed || !controllerRef) return;
    try {
      controllerRef.enqueue(chunk);
    } catch {
      onAbort();
    }
  };

  // One delivery pass at a time; an announcement during a pass runs one more afterwards.
  let running = false;
  let again = false;
  const deliver = async () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      for (const c of await takePendingCommands(deviceId)) write(sseFrame('command', { id: c.id, command: c.command, ...(c.args as object) }));
    } catch (err) {
      console.error('[remote] delivering commands failed:', err);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void deliver();
    }
  };

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      controller.enqueue(sseLine('retry: 2000'));
      controller.enqueue(sseFrame('hello', { device_id: deviceId, report_every_ms: REPORT_EVERY_MS }));
      unsubscribe = subscribe(deviceCommandSent, (p) => p.deviceId === deviceId && void deliver());
      // The heartbeat also re-delivers, in case an announcement was lost between processes.
      heartbeat = setInterval(() => {
        write(sseLine(': ping'));
        void deliver();
      }, REPORT_EVERY_MS);
      void deliver();
    },
    cancel() {
      onAbort();
    },
  });
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  return eventStreamResponse(body);
}
