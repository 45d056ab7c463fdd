// The event bus: `notify` says "this changed", `subscribe` hears it, `waitFor` waits until a
// condition holds. Delivery is in-process at once and to other processes through a transport.
// Events are hints, not a log: a waiter always re-reads the state it waits on (its `check`), on
// every event, and on a slow fallback timer in case a frame was lost between processes.
import { EventEmitter } from 'node:events';
import type { EventDefinition, EventPayload } from './define-event';
import type { EventTransport, Frame, TransportFactory } from './transport';

export class WaitTimeoutError extends Error {
  constructor(readonly what: string, readonly timeoutMs: number) {
    super(`${what} did not happen within ${timeoutMs} ms`);
    this.name = 'WaitTimeoutError';
  }
}

export type WaitOptions = {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Re-check this often even when no event comes (a frame lost between processes). Default 1 s. */
  fallbackMs?: number;
  /** For the timeout error's message. */
  what?: string;
};

/** What `check` gets: the event that woke it, or null for the first look and the fallback timer. */
export type Check<P, T> = (payload: P | null) => T | null | undefined | false | Promise<T | null | undefined | false>;

export class EventBus {
  private readonly local = new EventEmitter();
  private readonly transport: EventTransport;

  constructor(factory: TransportFactory) {
    this.local.setMaxListeners(0);
    this.transport = factory((frame) => this.deliver(frame));
  }

  get kind(): string {
    return this.transport.kind;
  }

  private deliver(frame: Frame) {
    this.local.emit(frame.topic, frame.payload);
  }

  /** Parses the payload with the event's schema, delivers it here, then to the other processes. */
  notify<E extends EventDefinition>(event: E, payload: EventPayload<E>): void {
    const parsed = event.schema.parse(payload);
    this.deliver({ topic: event.name, payload: parsed });
    this.transport.send({ topic: event.name, payload: parsed });
  }

  /** Calls `handler` with every valid payload of `event`; returns the unsubscribe function. */
  subscribe<E extends EventDefinition>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
    const listener = (raw: unknown) => {
      const parsed = event.schema.safeParse(raw);
      if (parsed.success) handler(parsed.data as EventPayload<E>);
    };
    this.local.on(event.name, listener);
    return () => void this.local.off(event.name, listener);
  }

  /**
   * Resolves with the first truthy result of `check`, which runs now, on every `event`, and on the
   * fallback timer; one at a time (an event during a check runs it once more afterwards). A check
   * that throws rejects the wait. Rejects with WaitTimeoutError, or the signal's reason on abort.
   */
  waitFor<E extends EventDefinition, T>(event: E, check: Check<EventPayload<E>, T>, options: WaitOptions): Promise<T> {
    const { timeoutMs, signal, fallbackMs = 1_000, what = event.name } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let running = false;
      let again: { payload: EventPayload<E> | null } | null = null;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        unsubscribe();
        clearTimeout(timeout);
        clearInterval(fallback);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const run = async (payload: EventPayload<E> | null) => {
        if (settled) return;
        if (running) {
          // One more run afterwards, with the latest event (a timer tick never replaces an event).
          again = { payload: payload ?? again?.payload ?? null };
          return;
        }
        running = true;
        try {
          const result = await check(payload);
          if (result) return finish(() => resolve(result));
        } catch (err) {
          return finish(() => reject(err));
        } finally {
          running = false;
        }
        if (again) {
          const next = again;
          again = null;
          void run(next.payload);
        }
      };
      const onAbort = () => finish(() => reject(signal?.reason));
      const unsubscribe = this.subscribe(event, (payload) => void run(payload));
      const timeout = setTimeout(() => finish(() => reject(new WaitTimeoutError(what, timeoutMs))), timeoutMs);
      const fallback = setInterval(() => void run(null), fallbackMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      void run(null);
    });
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await this.transport.close();
  }
}

/** Only this process: for tools and tests that run every half in one process. */
export const inProcessTransport: TransportFactory = () => ({ kind: 'in-process', send: () => undefined, close: async () => undefined });
