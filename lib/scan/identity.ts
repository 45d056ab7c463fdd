// Where a parsed file belongs: a movie, a show's episodes, or a plain video — as stable keys within
// a library, so a new file (an upgrade, a re-added file) finds the item it had before.
import { parseMediaPath, type LibraryHint, type ParsedName } from './parse-name';

export type LibraryType = 'movies' | 'tv' | 'videos' | 'mixed';

export type Identity =
  | { kind: 'movie'; key: string; title: string; year: number | null; ids: ParsedName['ids'] }
  | { kind: 'show'; key: string; title: string; year: number | null; ids: ParsedName['ids']; season: number; episodes: number[]; airDate: string | null; absolute: number | null }
  | { kind: 'video'; key: string; title: string }
  | { kind: 'unrecognized'; reason: string };

export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sortTitle(title: string): string {
  return normalizeTitle(title).replace(/^(the|a|an) /, '');
}

function fileStem(relPath: string): string {
  return (relPath.split('/').pop() ?? relPath).replace(/\.[^.]+$/, '');
}

/** What the parser is told about a library: a mixed one says nothing, so names and folders decide. */
export function parseHint(libraryType: LibraryType): LibraryHint | undefined {
  return libraryType === 'mixed' ? undefined : libraryType;
}

/** Where a library-relative path belongs in a library of this type. */
export function identifyPath(relPath: string, libraryType: LibraryType): Identity {
  return identify(parseMediaPath(relPath, parseHint(libraryType)), libraryType, relPath);
}

export function identify(parsed: ParsedName, libraryType: LibraryType, relPath: string): Identity {
  if (parsed.extra) return { kind: 'unrecognized', reason: `looks like a ${parsed.extra}, not a main feature` };
  // A mixed library: an SxxEyy name, a season folder or a dated episode is a show's; anything else a movie.
  if (libraryType === 'mixed') libraryType = parsed.type === 'episode' ? 'tv' : 'movies';
  if (libraryType === 'videos') {
    const title = parsed.title ?? fileStem(relPath);
    return { kind: 'video', key: `video:${relPath.toLowerCase()}`, title };
  }
  if (libraryType === 'movies') {
    const title = parsed.title ?? fileStem(relPath);
    return { kind: 'movie', key: `movie:${normalizeTitle(title)}:${parsed.year ?? ''}`, title, year: parsed.year, ids: parsed.ids };
  }
  if (parsed.type !== 'episode' || !parsed.title) {
    return { kind: 'unrecognized', reason: 'no show, season and episode could be read from the name' };
  }
  let season = parsed.season;
  let episodes = parsed.episode === null ? [] : Array.isArray(parsed.episode) ? parsed.episode : [parsed.episode];
  if (parsed.air_date && episodes.length === 0) {
    // Daily shows: the year is the season, the month and day the episode (as Plex does).
    const [y, m, d] = parsed.air_date.split('-').map(Number);
    season = y;
    episodes = [m * 100 + d];
  }
  if (episodes.length === 0 && parsed.absolute !== null) episodes = [parsed.absolute];
  if (episodes.length === 0) return { kind: 'unrecognized', reason: 'no episode number could be read from the name' };
  return {
    kind: 'show',
    key: `show:${normalizeTitle(parsed.title)}${parsed.year ? `:${parsed.year}` : ''}`,
    title: parsed.title,
    year: parsed.year,
    ids: parsed.ids,
    season: season ?? 1,
    episodes,
    airDate: parsed.air_date,
    absolute: parsed.absolute,
  };
}
