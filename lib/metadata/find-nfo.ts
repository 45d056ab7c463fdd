// findNfo: which file in a folder is the NFO for a movie, a show or an episode (Kodi's names).
import type { NfoKind } from './nfo';
import { entryIndex, sidecarBaseNames } from './sidecar-names';

/**
 * The NFO among `entries` (names in one folder) for `mediaFileName`, or null.
 * - movie: `<name>.nfo`, then `<stack name>.nfo` ("Movie cd1.avi" → "Movie.nfo"), then `movie.nfo`
 * - tvshow: `tvshow.nfo` (entries of the show's folder; the file name is not used)
 * - episodedetails: `<name>.nfo` only; a season folder's movie.nfo or tvshow.nfo is not the episode's
 */
export function findNfo(entries: readonly string[], mediaFileName: string | null, kind: NfoKind): string | null {
  const index = entryIndex(entries);
  const names = sidecarBaseNames(mediaFileName);
  const candidates =
    kind === 'tvshow'
      ? ['tvshow.nfo']
      : kind === 'movie'
        ? [...names.map((n) => `${n}.nfo`), 'movie.nfo']
        : names.slice(0, 1).map((n) => `${n}.nfo`);
  for (const candidate of candidates) {
    const found = index.get(candidate.toLowerCase());
    if (found) return found;
  }
  return null;
}
