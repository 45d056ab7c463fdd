// Events between processes on PostgreSQL: LISTEN/NOTIFY on one channel, over one connection of
// its own per process (not the Prisma pool: a listening connection must stay open and idle).
// Works across machines sharing the database. Frames carry the sender's id so a process skips
// its own (the bus has already delivered them in-process). Reconnects with backoff; frames sent
// while disconnected are dropped (waitFor re-checks state on its fallback timer).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { type EventTransport, frameSchema, MAX_FRAME_BYTES, type TransportFactory } from './transport';

const CHANNEL = 'marquee_events';
const wireSchema = frameSchema.extend({ origin: z.string() });

type Unreffable = { connection?: { stream?: { unref?: () => void; ref?: () => void } } };

export function pgNotifyTransport(connectionString: string): TransportFactory {
  return (deliver) => {
    const origin = randomBytes(6).toString('hex');
    let client: pg.Client | null = null;
    let ready = false;
    let closed = false;
    let retryMs = 250;
    let retry: NodeJS.Timeout | undefined;
    // Frames sent while the first connection is being made (a process's first moments) wait here.
    const pending: string[] = [];
    // One NOTIFY at a time on the connection (pg queues overlapping queries, but deprecates it).
    let sending: Promise<unknown> = Promise.resolve();
    const send = (c: pg.Client, text: string) => {
      sending = sending.then(() => c.query('SELECT pg_notify($1, $2)', [CHANNEL, text])).catch(() => undefined);
    };

    async function open() {
      const c = new pg.Client({ connectionString });
      client = c;
      c.on('error', () => undefined);
      c.on('end', () => {
        if (client !== c) return;
        ready = false;
        client = null;
        if (!closed) schedule();
      });
      c.on('notification', (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        try {
          const wire = wireSchema.safeParse(JSON.parse(msg.payload));
          if (wire.success && wire.data.origin !== origin) deliver({ topic: wire.data.topic, payload: wire.data.payload });
        } catch {
          /* not ours */
        }
      });
      try {
        await c.connect();
        // A listening connection must not keep a finished process (a test, a CLI) alive.
        (c as unknown as Unreffable).connection?.stream?.unref?.();
        await c.query(`LISTEN ${CHANNEL}`);
        if (closed) return void (await c.end().catch(() => undefined));
        ready = true;
        retryMs = 250;
        for (const text of pending.splice(0)) send(c, text);
      } catch {
        if (client === c) client = null;
        await c.end().catch(() => undefined);
        if (!closed) schedule();
      }
    }

    function schedule() {
      clearTimeout(retry);
      retry = setTimeout(() => void open(), retryMs);
      retry.unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    }

    void open();

    const transport: EventTransport = {
      kind: 'pg-notify',
      send(frame) {
        const text = JSON.stringify({ ...frame, origin });
        if (text.length > MAX_FRAME_BYTES) throw new Error(`event ${frame.topic} is ${text.length} bytes; events carry ids, not data`);
        if (!ready || !client) {
          if (pending.length < 100) pending.push(text);
          return;
        }
        send(client, text);
      },
      async close() {
        closed = true;
        clearTimeout(retry);
        const c = client;
        client = null;
        ready = false;
        // Held open while it closes: an unref'd socket would let the process end mid-close.
        (c as unknown as Unreffable | null)?.connection?.stream?.ref?.();
        await c?.end().catch(() => undefined);
      },
    };
    return transport;
  };
}
