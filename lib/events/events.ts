// This process's event bus, built once from the config: PostgreSQL LISTEN/NOTIFY when the database
// is PostgreSQL (web and workers may be on several machines), otherwise the Unix-socket mesh
// between the processes of this machine (the default install: web and worker share a SQLite file).
import { config } from '@/lib/config';
import type { EventDefinition, EventPayload } from './define-event';
import { type Check, EventBus, type WaitOptions } from './bus';
import { pgNotifyTransport } from './pg-notify';
import { socketMeshTransport } from './socket-mesh';

let bus: EventBus | undefined;

export function events(): EventBus {
  if (!bus) {
    const { db } = config();
    bus = new EventBus(db.provider === 'postgresql' ? pgNotifyTransport(db.url) : socketMeshTransport(db.file));
  }
  return bus;
}

export function notify<E extends EventDefinition>(event: E, payload: EventPayload<E>): void {
  events().notify(event, payload);
}

export function subscribe<E extends EventDefinition>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
  return events().subscribe(event, handler);
}

export function waitFor<E extends EventDefinition, T>(event: E, check: Check<EventPayload<E>, T>, options: WaitOptions): Promise<T> {
  return events().waitFor(event, check, options);
}

/** Closes the bus (the process is ending, or a test is done with it). */
export async function closeEvents(): Promise<void> {
  const b = bus;
  bus = undefined;
  await b?.close();
}

export { WaitTimeoutError } from './bus';
