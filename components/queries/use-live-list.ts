// A list kept live by the server's events (lib/http/live-list-stream.ts): the whole list when the
// stream opens, then one item changed or gone at a time. EventSource reconnects by itself, and the
// stream starts over with the whole list; while the connection is lost, a slow poll of the plain
// list (every FALLBACK_POLL_MS) keeps the page roughly current — the only polling left.
import { useCallback, useEffect, useState } from 'react';
import { apiFetch, ApiFetchError } from './api-fetch';

/** Only while the event stream is down: the stream itself brings every change at once. */
export const FALLBACK_POLL_MS = 20_000;

type Names = { list: string; item: string; gone: string };

export function useLiveList<T extends object>({ streamUrl, listUrl, idField, names, fallbackPollMs = FALLBACK_POLL_MS }: {
  streamUrl: string;
  listUrl: string;
  idField: keyof T & string;
  names: Names;
  fallbackPollMs?: number;
}): { items: T[] | null; error: string | null; live: boolean } {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);

  const reload = useCallback(async () => {
    try {
      setItems(await apiFetch<T[]>(listUrl));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiFetchError ? err.message : 'Could not reach the server.');
    }
  }, [listUrl]);

  useEffect(() => {
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | undefined;
    const data = (e: Event): Record<string, unknown> | null => {
      try {
        return JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown>;
      } catch {
        return null;
      }
    };
    const connect = () => {
      const s = new EventSource(streamUrl, { withCredentials: true });
      source = s;
      s.addEventListener('open', () => {
        setLive(true);
        clearInterval(poll);
        poll = undefined;
      });
      s.addEventListener(names.list, (e) => {
        const list = data(e);
        if (Array.isArray(list)) {
          setItems(list as T[]);
          setError(null);
        }
      });
      s.addEventListener(names.item, (e) => {
        const item = data(e) as T | null;
        if (!item) return;
        const same = (x: T) => x[idField] === item[idField];
        setItems((prev) => prev && (prev.some(same) ? prev.map((x) => (same(x) ? item : x)) : [...prev, item]));
      });
      s.addEventListener(names.gone, (e) => {
        const gone = data(e);
        if (gone) setItems((prev) => prev && prev.filter((x) => x[idField] !== gone[idField]));
      });
      s.addEventListener('error', () => {
        setLive(false);
        if (poll) return;
        // Re-read now (and say why when the server refuses), then slowly until the stream is back.
        void reload();
        poll = setInterval(() => {
          void reload();
          // A refused stream (signed out, server restarting) is not retried by EventSource: reopen it.
          if (source?.readyState === EventSource.CLOSED) connect();
        }, fallbackPollMs);
      });
    };
    connect();
    return () => {
      clearInterval(poll);
      source?.close();
    };
  }, [streamUrl, idField, names.list, names.item, names.gone, fallbackPollMs, reload]);

  return { items, error, live };
}
