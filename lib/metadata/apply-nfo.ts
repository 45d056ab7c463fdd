// What local metadata changes on an item or episode: from its NFO, else (movies and videos) from
// the container's tags. Pure: current values and locks in, a patch of only the changed fields out.
// A field a user edited (listed in lockedFields) is never touched; an empty NFO value never clears one.
import type { MediaTags } from '@/lib/media/media-info';
import { sortTitle } from '@/lib/scan/identity';
import type { NfoMetadata } from './nfo';

export type ItemFields = {
  title: string;
  year: number | null;
  overview: string | null;
  tmdbId: string | null;
  tvdbId: string | null;
  imdbId: string | null;
  /** Only online providers give one (0–10); NFO ratings are not read. */
  rating?: number | null;
};
export type ItemPatch = Partial<ItemFields & { sortTitle: string }>;

export type EpisodeFields = { title: string | null; overview: string | null; airDate: string | null };
export type EpisodePatch = Partial<EpisodeFields>;

/**
 * Names a lock may use for each field: edits lock API names (`air_date`), and a lock on `ids`
 * or an image covers what it says.
 */
const LOCK_NAMES: Record<string, readonly string[]> = {
  title: ['title'],
  year: ['year'],
  overview: ['overview'],
  rating: ['rating'],
  airDate: ['air_date', 'airDate'],
  tmdbId: ['ids', 'tmdb_id', 'tmdbId'],
  tvdbId: ['ids', 'tvdb_id', 'tvdbId'],
  imdbId: ['ids', 'imdb_id', 'imdbId'],
  posterPath: ['poster', 'poster_path', 'posterPath'],
  backdropPath: ['backdrop', 'backdrop_path', 'backdropPath'],
  thumbPath: ['thumb', 'thumb_path', 'thumbPath'],
};

/** The lockedFields column (a JSON array of names); unreadable JSON locks nothing. */
export function parseLockedFields(json: string): Set<string> {
  try {
    const value: unknown = JSON.parse(json);
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

export function isLocked(locked: ReadonlySet<string>, field: string): boolean {
  return (LOCK_NAMES[field] ?? [field]).some((name) => locked.has(name));
}

/** Sets `field` to `value` in `patch` when it is new, not empty, and not locked. */
function offer<T extends object, K extends keyof T & string>(patch: Partial<T>, current: T, locked: ReadonlySet<string>, field: K, value: T[K] | null | undefined) {
  if (value === null || value === undefined || value === current[field] || isLocked(locked, field)) return;
  patch[field] = value;
}

function withSortTitle(patch: ItemPatch): ItemPatch {
  return patch.title === undefined ? patch : { ...patch, sortTitle: sortTitle(patch.title) };
}

/** A movie's or show's NFO (movie.nfo, <name>.nfo, tvshow.nfo) applied to the item. */
export function itemPatchFromNfo(nfo: NfoMetadata, current: ItemFields, locked: ReadonlySet<string>): ItemPatch {
  const patch: ItemPatch = {};
  offer(patch, current, locked, 'title', nfo.title ?? (nfo.kind === 'tvshow' ? nfo.showtitle : null));
  offer(patch, current, locked, 'year', nfo.year);
  offer(patch, current, locked, 'overview', nfo.plot);
  offer(patch, current, locked, 'tmdbId', nfo.ids.tmdb === null ? null : String(nfo.ids.tmdb));
  offer(patch, current, locked, 'tvdbId', nfo.ids.tvdb === null ? null : String(nfo.ids.tvdb));
  offer(patch, current, locked, 'imdbId', nfo.ids.imdb);
  return withSortTitle(patch);
}

/** Does this episode NFO describe episode `number` of season `season`, for a file holding `episodesInFile` episodes? */
export function nfoMatchesEpisode(nfo: NfoMetadata, season: number, number: number, episodesInFile: number): boolean {
  if (nfo.season !== null && nfo.season !== season) return false;
  // Without an episode number it can only be the file's one episode.
  return nfo.episode === null ? episodesInFile === 1 : nfo.episode === number;
}

/** An episode's `<name>.nfo` applied to the episode. */
export function episodePatchFromNfo(nfo: NfoMetadata, current: EpisodeFields, locked: ReadonlySet<string>): EpisodePatch {
  const patch: EpisodePatch = {};
  offer(patch, current, locked, 'title', nfo.title);
  offer(patch, current, locked, 'overview', nfo.plot);
  offer(patch, current, locked, 'airDate', nfo.premiered);
  return patch;
}

// Release names, URLs and placeholders that muxers leave in the title tag.
const RELEASE_TOKEN = /\b(?:480p|576p|720p|1080[pi]|2160p|4k|uhd|x26[45]|h\.?26[45]|hevc|avc|xvid|divx|web-?dl|web-?rip|blu-?ray|bd-?rip|br-?rip|dvd-?rip|hdtv|remux|aac|ac3|dts)\b/i;
const URL_LIKE = /https?:|www\.|\.(?:com|net|org|to|info|cc|me|tv)\b/i;
const PLACEHOLDER = /^(?:untitled|no title|title|movie|video|clip|track\s*\d*|chapter\s*\d+|\d+)$/i;

/** Is a container's title tag a title a person wrote (not a release name, URL or placeholder)? */
export function sensibleTagTitle(title: string | null, fileName: string): string | null {
  const t = title?.trim().replace(/\s+/g, ' ');
  if (!t || t.length < 2 || t.length > 200 || !/\p{L}/u.test(t)) return null;
  if (RELEASE_TOKEN.test(t) || URL_LIKE.test(t) || PLACEHOLDER.test(t)) return null;
  if (/^\S+\.\S+\.\S+$/.test(t)) return null; // Dotted.Release.Name
  const stem = fileName.replace(/\.[^.]+$/, '');
  if (t.toLowerCase() === stem.toLowerCase() && /[._]/.test(stem)) return null;
  return t;
}

/**
 * Container tags for a movie or video with no NFO: a sensible title tag, its year and
 * description when the item has none. Shows take nothing from one episode's tags.
 */
export function itemPatchFromTags(tags: MediaTags, kind: 'movie' | 'show' | 'video', fileName: string, current: ItemFields, locked: ReadonlySet<string>): ItemPatch {
  if (kind === 'show') return {};
  const patch: ItemPatch = {};
  offer(patch, current, locked, 'title', sensibleTagTitle(tags.title, fileName));
  if (current.year === null) offer(patch, current, locked, 'year', tags.year !== null && tags.year >= 1870 && tags.year <= 2200 ? tags.year : null);
  if (current.overview === null) offer(patch, current, locked, 'overview', tags.description?.trim() || null);
  return withSortTitle(patch);
}
