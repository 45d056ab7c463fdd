import { describe, expect, it } from 'vitest';
import { sseEvents, type SseEvent } from '@/test/sse-events';
import { waitFor } from '@/test/wait-for';
import { type LiveList, liveListStream } from './live-list-stream';

type Item = { id: string; v: number };

/** A live list over a plain array: `wake` is what the caller's events would call. */
function start(opts: { list: LiveList<Item>; stillAuthorized?: () => Promise<boolean>; fallbackMs?: number }) {
  const abort = new AbortController();
  let wake = () => {};
  let unsubscribed = 0;
  const res = liveListStream<Item>({
    read: async () => ({ items: opts.list.items.map((i) => ({ ...i })), changesAt: opts.list.changesAt }),
    idField: 'id',
    names: { list: 'all', item: 'one', gone: 'gone' },
    watch: (w) => {
      wake = w;
      return [() => void unsubscribed++];
    },
    signal: abort.signal,
    stillAuthorized: opts.stillAuthorized,
    fallbackMs: opts.fallbackMs,
  });
  const events: SseEvent[] = [];
  let ended = false;
  void (async () => {
    for await (const e of sseEvents(res.body!.getReader())) events.push(e);
    ended = true;
  })();
  return { res, events, wake: () => wake(), abort, unsubscribed: () => unsubscribed, ended: () => ended };
}

describe('liveListStream', () => {
  it('sends the list first, then only what changed, what went, and the whole list when one is new', async () => {
    const list: LiveList<Item> = { items: [{ id: 'a', v: 1 }, { id: 'b', v: 1 }], changesAt: null };
    const s = start({ list });
    expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await waitFor(() => s.events.length === 1);
    expect(s.events[0]).toEqual({ event: 'all', data: list.items });

    list.items[1].v = 2;
    s.wake();
    await waitFor(() => s.events.length === 2);
    expect(s.events[1]).toEqual({ event: 'one', data: { id: 'b', v: 2 } });

    // Nothing changed: nothing sent.
    s.wake();
    list.items.shift();
    s.wake();
    await waitFor(() => s.events.length === 3);
    expect(s.events[2]).toEqual({ event: 'gone', data: { id: 'a' } });

    list.items.unshift({ id: 'c', v: 1 });
    s.wake();
    await waitFor(() => s.events.length === 4);
    expect(s.events[3]).toEqual({ event: 'all', data: [{ id: 'c', v: 1 }, { id: 'b', v: 2 }] });

    s.abort.abort();
    await waitFor(() => s.ended());
    expect(s.unsubscribed()).toBe(1);
  });

  it('re-reads by itself when the list said it would change then', async () => {
    const list: LiveList<Item> = { items: [{ id: 'a', v: 1 }], changesAt: Date.now() + 100 };
    const s = start({ list });
    await waitFor(() => s.events.length === 1);
    list.items = [];
    list.changesAt = null;
    await waitFor(() => s.events.length === 2, { timeoutMs: 2_000 });
    expect(s.events[1]).toEqual({ event: 'gone', data: { id: 'a' } });
    s.abort.abort();
  });

  it('ends when the caller is no longer authorized', async () => {
    let allowed = true;
    const s = start({ list: { items: [], changesAt: null }, stillAuthorized: async () => allowed, fallbackMs: 50 });
    await waitFor(() => s.events.length === 1);
    expect(s.ended()).toBe(false);
    allowed = false;
    await waitFor(() => s.ended(), { timeoutMs: 2_000, what: 'the stream to end' });
    expect(s.unsubscribed()).toBe(1);
  });
});
