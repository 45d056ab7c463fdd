// Opens an event stream (a device's commands, the live device and session lists) through the real
// route handler, in-process, and reads its Server-Sent Events as they come (integration tests;
// e2e tests use the browser's EventSource).
import { dispatch } from './api';
import { sseEvents, type SseEvent } from './sse-events';
import { waitFor } from './wait-for';

export type { SseEvent };

export interface SseStream {
  status: number;
  events: SseEvent[];
  /** Waits for the first event (from `from` on) that matches. */
  next(match: (e: SseEvent) => boolean, opts?: { timeoutMs?: number; from?: number }): Promise<SseEvent>;
  close(): Promise<void>;
  /** Resolves when the server side has finished closing (the body ended). */
  ended: Promise<void>;
}

/** A device's command stream. */
export function openDeviceStream(deviceId: string, token: string): Promise<SseStream> {
  return openEventStream(`/api/v1/devices/${deviceId}/events`, token);
}

/** Any event stream of the API, through the route handler Next would pick for `path`. */
export async function openEventStream(path: string, token?: string): Promise<SseStream> {
  const abort = new AbortController();
  const req = new Request(`http://localhost:3000${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-marquee-client-ip': '127.0.0.1' },
    signal: abort.signal,
  });
  const res = await dispatch(req);
  const events: SseEvent[] = [];
  let ended: Promise<void> = Promise.resolve();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  if (res.status === 200 && res.body) {
    reader = res.body.getReader();
    ended = (async () => {
      for await (const e of sseEvents(reader!)) events.push(e);
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
