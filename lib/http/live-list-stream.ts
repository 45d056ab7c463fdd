// A list kept live over Server-Sent Events: the whole list when the stream opens (so a client that
// reconnects re-reads everything), then one event per item that changed and one per item that went.
// What wakes a re-read is the caller's business (events from lib/events, in this process or another);
// the list also says when it will change by itself (a device falls silent, a session goes idle), and
// a slow fallback re-read covers an event lost between processes and keeps proxies from closing the
// connection. Each wake re-reads the list once; wakes during a read run one more read afterwards.
import { eventStreamResponse, sseFrame, sseLine } from './event-stream';

export type LiveList<T> = {
  items: T[];
  /** When the list changes with no event (epoch ms): something expires then. Null: nothing does. */
  changesAt: number | null;
};

export type LiveListOptions<T> = {
  read: () => Promise<LiveList<T>>;
  /** The field that identifies an item (sent alone in the `gone` event). */
  idField: keyof T & string;
  /** Event names: the whole list, one changed item, one item gone (`{[idField]: id}`). */
  names: { list: string; item: string; gone: string };
  /** Subscribes `wake` to whatever changes the list; `current` is the last list sent. Returns the unsubscribers. */
  watch: (wake: () => void, current: () => readonly T[]) => (() => void)[];
  signal: AbortSignal;
  /** Ends the stream when it answers false (checked on the fallback timer): signed out, no longer admin. */
  stillAuthorized?: () => Promise<boolean>;
  fallbackMs?: number;
};

export const LIVE_LIST_FALLBACK_MS = 15_000;

export function liveListStream<T>(options: LiveListOptions<T>): Response {
  const { read, idField, names, watch, signal, stillAuthorized, fallbackMs = LIVE_LIST_FALLBACK_MS } = options;
  const sent = new Map<string, string>();
  let current: T[] = [];
  let closed = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  const cleanups: (() => void)[] = [];
  let expiry: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(expiry);
    cleanups.splice(0).forEach((f) => f());
    signal.removeEventListener('abort', close);
    try {
      controllerRef?.close();
    } catch {
      /* the client closed it first */
    }
  };
  const write = (bytes: Uint8Array) => {
    if (closed || !controllerRef) return;
    try {
      controllerRef.enqueue(bytes);
    } catch {
      close();
    }
  };
  const event = (name: string, data: unknown) => write(sseFrame(name, data));

  const publish = (list: LiveList<T>, first: boolean) => {
    const next = new Map(list.items.map((item) => [String(item[idField]), JSON.stringify(item)]));
    const added = [...next.keys()].some((id) => !sent.has(id));
    if (first || added) {
      // The whole list again when one is new: the server's order stays the client's order.
      event(names.list, list.items);
    } else {
      for (const item of list.items) {
        const id = String(item[idField]);
        if (sent.get(id) !== next.get(id)) event(names.item, item);
      }
    }
    if (!first) for (const id of sent.keys()) if (!next.has(id)) event(names.gone, { [idField]: id });
    sent.clear();
    for (const [id, json] of next) sent.set(id, json);
    current = list.items;
    clearTimeout(expiry);
    // At the moment something expires by itself (a little after: the read compares with "now").
    if (list.changesAt !== null) expiry = setTimeout(wake, Math.max(0, list.changesAt - Date.now()) + 50);
  };

  let reading = false;
  let again = false;
  let first = true;
  const wake = () => {
    if (closed) return;
    if (reading) return void (again = true);
    reading = true;
    void read()
      .then((list) => {
        if (closed) return;
        publish(list, first);
        first = false;
      })
      .catch((err: unknown) => {
        // The database went away: end the stream; EventSource comes back and starts over.
        console.error('[live-list] reading the list failed:', err);
        close();
      })
      .finally(() => {
        reading = false;
        if (again) {
          again = false;
          wake();
        }
      });
  };

  const fallback = async () => {
    if (stillAuthorized && !(await stillAuthorized())) return close();
    write(sseLine(': ping'));
    wake();
  };

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      write(sseLine('retry: 2000'));
      cleanups.push(...watch(wake, () => current));
      const timer = setInterval(() => void fallback(), fallbackMs);
      cleanups.push(() => clearInterval(timer));
      wake();
    },
    cancel() {
      close();
    },
  });
  if (signal.aborted) close();
  else signal.addEventListener('abort', close, { once: true });
  return eventStreamResponse(body);
}
