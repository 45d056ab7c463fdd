// Opens a device's command stream through the real route handler, in-process, and reads its
// Server-Sent Events as they come (integration tests; e2e tests use the browser's EventSource).
import { GET } from '@/app/api/v1/devices/[id]/events/route';
import { waitFor } from './wait-for';

export type SseEvent = { event: string; data: any };

export interface SseStream {
  status: number;
  events: SseEvent[];
  /** Waits for the first event (from `from` on) that matches. */
  next(match: (e: SseEvent) => boolean, opts?: { timeoutMs?: number; from?: number }): Promise<SseEvent>;
  close(): Promise<void>;
  /** Resolves when the server side has finished closing (the body ended). */
  ended: Promise<void>;
}

export async function openDeviceStream(deviceId: string, token: string): Promise<SseStream> {
  const abort = new AbortController();
  const req = new Request(`http://localhost:3000/api/v1/devices/${deviceId}/events`, {
    headers: { authorization: `Bearer ${token}`, 'x-marquee-client-ip': '127.0.0.1' },
    signal: abort.signal,
  });
  const res = await GET(req, { params: Promise.resolve({ id: deviceId }) });
  const events: SseEvent[] = [];
  let ended: Promise<void> = Promise.resolve();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  if (res.status === 200 && res.body) {
    reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    ended = (async () => {
      for (;;) {
        const { value, done } = await reader!.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    })();
  } else {
    await res.text();
  }
  return {
    status: res.status,
    events,
    next: (match, { timeoutMs = 10_000, from = 0 } = {}) => waitFor(() => events.slice(from).find(match), { timeoutMs, what: 'an SSE event' }),
    close: async () => {
      // As the server does when a client goes away: the request's signal aborts and the body is
      // cancelled (undici's request signal alone may not follow once the Request is collected).
      abort.abort();
      await reader?.cancel().catch(() => undefined);
      await ended;
    },
    ended,
  };
}
