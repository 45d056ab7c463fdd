// What online details change on an item or episode. Precedence: a field a user edited (locked) >
// the local NFO (any field it gives) > the online provider. Pure: current values, locks and the
// NFO's fields in, a patch of only the changed fields out.
import { sortTitle } from '@/lib/scan/identity';
import { isLocked, type EpisodeFields, type EpisodePatch, type ItemFields, type ItemPatch } from '../apply-nfo';
import type { OnlineDetails, OnlineEpisode } from './provider';

/** Fields an NFO sets (so online data leaves them alone). */
export type NfoFields = ReadonlySet<keyof ItemFields | keyof EpisodeFields>;

function offer<T extends object, K extends keyof T & string>(patch: Partial<T>, current: T, locked: ReadonlySet<string>, fromNfo: ReadonlySet<string>, field: K, value: T[K] | null | undefined) {
  if (value === null || value === undefined || value === '' || value === current[field] || fromNfo.has(field) || isLocked(locked, field)) return;
  patch[field] = value;
}

export function itemPatchFromOnline(d: OnlineDetails, current: ItemFields, locked: ReadonlySet<string>, fromNfo: NfoFields): ItemPatch {
  const patch: ItemPatch = {};
  offer(patch, current, locked, fromNfo, 'title', d.title);
  offer(patch, current, locked, fromNfo, 'year', d.year);
  offer(patch, current, locked, fromNfo, 'overview', d.overview);
  offer(patch, current, locked, fromNfo, 'tmdbId', d.ids.tmdb);
  offer(patch, current, locked, fromNfo, 'tvdbId', d.ids.tvdb);
  offer(patch, current, locked, fromNfo, 'imdbId', d.ids.imdb);
  offer(patch, current, locked, fromNfo, 'rating', d.rating);
  return patch.title === undefined ? patch : { ...patch, sortTitle: sortTitle(patch.title) };
}

export function episodePatchFromOnline(e: OnlineEpisode, current: EpisodeFields, locked: ReadonlySet<string>, fromNfo: NfoFields): EpisodePatch {
  const patch: EpisodePatch = {};
  offer(patch, current, locked, fromNfo, 'title', e.title);
  offer(patch, current, locked, fromNfo, 'overview', e.overview);
  offer(patch, current, locked, fromNfo, 'airDate', e.airDate);
  return patch;
}

/** The fields an item's NFO gives a value for. */
export function nfoItemFields(nfo: { title: string | null; showtitle: string | null; year: number | null; plot: string | null; ids: { tmdb: unknown; tvdb: unknown; imdb: unknown } } | null): NfoFields {
  const out = new Set<keyof ItemFields>();
  if (!nfo) return out;
  if (nfo.title ?? nfo.showtitle) out.add('title');
  if (nfo.year !== null) out.add('year');
  if (nfo.plot) out.add('overview');
  if (nfo.ids.tmdb !== null) out.add('tmdbId');
  if (nfo.ids.tvdb !== null) out.add('tvdbId');
  if (nfo.ids.imdb !== null) out.add('imdbId');
  return out;
}

export function nfoEpisodeFields(nfo: { title: string | null; plot: string | null; premiered: string | null } | null): NfoFields {
  const out = new Set<keyof EpisodeFields>();
  if (!nfo) return out;
  if (nfo.title) out.add('title');
  if (nfo.plot) out.add('overview');
  if (nfo.premiered) out.add('airDate');
  return out;
}
