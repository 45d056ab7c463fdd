// pickLocalArtwork: the artwork files beside a movie, show, season or episode, by the names Kodi,
// Jellyfin and Plex users already use. Pure: it sees a folder listing, never the disk.
import { entryIndex, sidecarBaseNames } from './sidecar-names';

/** What the listing is: a movie's folder, a show's folder, a season's folder, or an episode's folder. */
export type ArtworkScope = 'movie' | 'show' | 'season' | 'episode';

export type SeasonPoster = { season: number; file: string };

export type LocalArtwork = {
  poster: string | null;
  backdrop: string | null;
  /** Landscape still: an episode's thumb, or a movie/show "landscape" image. */
  thumb: string | null;
  /** `seasonNN-poster.jpg`, `season-specials-poster.jpg` (season 0), in a show's (or season's) folder. */
  seasonPosters: SeasonPoster[];
};

/** Preferred first when one name exists with several extensions. */
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'];
const POSTERS = ['poster', 'folder', 'cover'];
const BACKDROPS = ['fanart', 'backdrop', 'background'];
const THUMBS = ['thumb', 'landscape'];
const SEASON_POSTER = /^season(?:(\d{1,4})|-(specials))-poster\.(jpe?g|png|webp)$/i;

/**
 * Artwork for `mediaFileName` among `entries` (names in one folder). File-specific names
 * (`<name>-poster.jpg`) win over folder-wide ones (`poster.jpg`). In an episode's folder the
 * folder-wide images belong to the season, so an episode only gets `<name>-thumb.jpg` or `<name>.jpg`.
 * Returns entry names as listed (original case).
 */
export function pickLocalArtwork(entries: readonly string[], mediaFileName: string | null, scope: ArtworkScope): LocalArtwork {
  const index = entryIndex(entries);
  const names = sidecarBaseNames(mediaFileName);
  const own = (suffix: string) => names.map((n) => `${n}${suffix}`);
  const pick = (stems: string[]) => first(index, stems);

  if (scope === 'episode') {
    return { poster: null, backdrop: null, thumb: pick([...own('-thumb'), ...own('')]), seasonPosters: [] };
  }
  if (scope === 'movie') {
    return {
      poster: pick([...own('-poster'), ...POSTERS, ...own('')]),
      backdrop: pick([...own('-fanart'), ...own('-backdrop'), ...BACKDROPS]),
      thumb: pick([...own('-thumb'), ...own('-landscape'), ...THUMBS]),
      seasonPosters: [],
    };
  }
  return { poster: pick(POSTERS), backdrop: pick(BACKDROPS), thumb: pick(THUMBS), seasonPosters: seasonPosters(entries) };
}

/** The first stem (in order) present with any image extension (in EXTENSIONS order). */
function first(index: Map<string, string>, stems: string[]): string | null {
  for (const stem of stems) {
    for (const ext of EXTENSIONS) {
      const found = index.get(`${stem}.${ext}`.toLowerCase());
      if (found) return found;
    }
  }
  return null;
}

function seasonPosters(entries: readonly string[]): SeasonPoster[] {
  const bySeason = new Map<number, { file: string; rank: number }>();
  for (const file of entries) {
    const match = SEASON_POSTER.exec(file);
    if (!match) continue;
    const season = match[2] ? 0 : Number(match[1]);
    const rank = EXTENSIONS.indexOf(match[3].toLowerCase());
    const current = bySeason.get(season);
    if (!current || rank < current.rank) bySeason.set(season, { file, rank });
  }
  return [...bySeason.entries()].sort(([a], [b]) => a - b).map(([season, { file }]) => ({ season, file }));
}
