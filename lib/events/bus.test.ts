import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventBus, inProcessTransport, WaitTimeoutError } from './bus';
import { defineEvent } from './define-event';

const changed = defineEvent('thing.changed', z.object({ id: z.string(), n: z.number().int() }));

describe('EventBus (in-process)', () => {
  it('delivers parsed payloads to subscribers until they unsubscribe', () => {
    const bus = new EventBus(inProcessTransport);
    const seen: number[] = [];
    const off = bus.subscribe(changed, (p) => seen.push(p.n));
    bus.notify(changed, { id: 'a', n: 1 });
    off();
    bus.notify(changed, { id: 'a', n: 2 });
    expect(seen).toEqual([1]);
  });

  it('refuses to send a payload its schema rejects', () => {
    const bus = new EventBus(inProcessTransport);
    expect(() => bus.notify(changed, { id: 'a', n: 1.5 })).toThrow();
  });

  it('waitFor checks at once, then on each event, and resolves with the first truthy result', async () => {
    const bus = new EventBus(inProcessTransport);
    let state = 0;
    const calls: (number | null)[] = [];
    const waiting = bus.waitFor(changed, (p) => (calls.push(p?.n ?? null), state >= 2 ? `at ${state}` : null), { timeoutMs: 5_000, fallbackMs: 60_000 });
    state = 1;
    bus.notify(changed, { id: 'a', n: 1 });
    state = 2;
    bus.notify(changed, { id: 'a', n: 2 });
    await expect(waiting).resolves.toBe('at 2');
    expect(calls[0]).toBeNull();
    expect(calls).toContain(2);
  });

  it('waitFor re-checks on its fallback timer when no event comes', async () => {
    const bus = new EventBus(inProcessTransport);
    let ready = false;
    const waiting = bus.waitFor(changed, () => ready, { timeoutMs: 5_000, fallbackMs: 20 });
    ready = true;
    await expect(waiting).resolves.toBe(true);
  });

  it('waitFor rejects on timeout, on abort, and when the check throws', async () => {
    const bus = new EventBus(inProcessTransport);
    await expect(bus.waitFor(changed, () => false, { timeoutMs: 30, what: 'nothing' })).rejects.toBeInstanceOf(WaitTimeoutError);
    const ctrl = new AbortController();
    const aborted = bus.waitFor(changed, () => false, { timeoutMs: 5_000, signal: ctrl.signal });
    ctrl.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    const failing = bus.waitFor(changed, (p) => {
      if (p) throw new Error(`failed at ${p.n}`);
      return false;
    }, { timeoutMs: 5_000 });
    bus.notify(changed, { id: 'x', n: 7 });
    await expect(failing).rejects.toThrow('failed at 7');
  });
});
