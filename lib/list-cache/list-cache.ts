// A per-process cache for listings read far more often than written (the library list, a library's
// item pages, an item's data). An answer is kept with the generations it was read at: the catalog's
// (bumped by every write to libraries, items, files, seasons, episodes) and, for answers that depend
// on who asks (the watched filter), that user's watch generation (bumped by every watch-state write).
// A write bumps the generations in every process through lib/events (the worker writes during
// scans), after its transaction: an answer whose generations are not the current ones is never
// served. Events are hints (a frame can be lost between processes): no answer is older than MAX_AGE_MS.
// LIST_CACHE=off turns it off. Callers must not change what they get: it is shared.
import { config } from '@/lib/config';
import { events, notify } from '@/lib/events/events';
import type { EventBus } from '@/lib/events/bus';
import { listingsChanged } from './list-events';

const MAX_ENTRIES = 500;
const MAX_AGE_MS = 60_000;

type Entry = { catalog: number; watch: number; at: number; value: Promise<unknown> };

let catalog = 0;
/** Watch generations: of every user at once (a write with no user), and of each user. */
let everyUser = 0;
const users = new Map<string, number>();
const entries = new Map<string, Entry>();
let heard: EventBus | undefined;

const watchGeneration = (userId: string | undefined) => (userId === undefined ? 0 : everyUser + (users.get(userId) ?? 0));

/** Listens to the bumps of every process (again after the bus was closed and made anew). */
function listen() {
  const bus = events();
  if (heard === bus) return;
  heard = bus;
  entries.clear();
  bus.subscribe(listingsChanged, (p) => {
    if (p.scope === 'catalog') catalog++;
    else if (p.userId === undefined) everyUser++;
    else users.set(p.userId, (users.get(p.userId) ?? 0) + 1);
  });
}

/**
 * The answer of `load` for `key`, from this process's cache while nothing it depends on was written.
 * `userId`: the answer depends on this user's watch state (it is then part of the key too).
 */
export function cachedListing<T>(key: string, load: () => Promise<T>, userId?: string): Promise<T> {
  if (!config().listCache) return load();
  listen();
  const fullKey = userId === undefined ? key : `${key}\u0000${userId}`;
  const now = Date.now();
  const hit = entries.get(fullKey);
  if (hit && hit.catalog === catalog && hit.watch === watchGeneration(userId) && now - hit.at < MAX_AGE_MS) {
    entries.delete(fullKey);
    entries.set(fullKey, hit); // most recently used last
    return hit.value as Promise<T>;
  }
  const entry: Entry = { catalog, watch: watchGeneration(userId), at: now, value: load() };
  entries.set(fullKey, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  // A failed read (not found, a database error) is not kept.
  entry.value.catch(() => entries.get(fullKey) === entry && entries.delete(fullKey));
  return entry.value as Promise<T>;
}

/** A write changed libraries, items, files, seasons or episodes: call after its transaction. */
export function catalogChanged(): void {
  notify(listingsChanged, { scope: 'catalog' });
}

/** A write changed this user's watch state (no user: anyone's): call after its transaction. */
export function watchStateChanged(userId?: string): void {
  notify(listingsChanged, { scope: 'watch', userId });
}
