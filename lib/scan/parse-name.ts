// Pure file-name parser: a library-relative path in, what it names out (movie or episode, title,
// year, season/episode/absolute number or air date, provider ids, extra kind). No I/O, no clock:
// the rules are the tables in naming-rules.ts and episode-patterns.ts.
import { detectExtra, extraFolderKind, type ExtraKind } from './detect-extra';
import { isExplicitMarker } from './episode-patterns';
import { findMediaIds, stripMediaIds, type MediaIds } from './media-ids';
import { isGenericFolder, seasonFolderNumber, splitMediaPath } from './media-path';
import { parseNameSegment, type ParsedSegment } from './parse-name-segment';

export type LibraryHint = 'movies' | 'tv' | 'videos';

export type ParsedName = {
  type: 'movie' | 'episode' | 'unknown';
  title: string | null;
  year: number | null;
  season: number | null;
  /** One number for a single episode, the list for a multi-episode file (S01E01-E03 → [1, 2, 3]). */
  episode: number | number[] | null;
  absolute: number | null;
  /** YYYY-MM-DD for daily shows. */
  air_date: string | null;
  ids: MediaIds;
  extra?: ExtraKind | null;
};

type Folder = { name: string; index: number };

const comparable = (title: string | null) => (title ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function episodeValue(episodes: number[] | null): number | number[] | null {
  if (!episodes || episodes.length === 0) return null;
  return episodes.length === 1 ? episodes[0] : episodes;
}

/** Folders that can name the item, nearest first: not season, extras, disc or library-root folders. */
function namingFolders(dirs: string[]): Folder[] {
  return dirs
    .map((name, index) => ({ name: stripMediaIds(name), index }))
    .filter(({ name }) => seasonFolderNumber(name) === null && extraFolderKind(name) === null && !isGenericFolder(name))
    .reverse();
}

function nearestSeasonFolder(dirs: string[]): number | null {
  for (let i = dirs.length - 1; i >= 0; i--) {
    const season = seasonFolderNumber(dirs[i]);
    if (season !== null) return season;
  }
  return null;
}

function chooseMovieSource(file: ParsedSegment, folder: ParsedSegment | null, preferFolder: boolean): ParsedSegment {
  if (!folder?.title) return file;
  if (!file.title || preferFolder) return folder;
  if (file.year !== null && folder.year !== null) {
    if (file.year !== folder.year) return file;
    return folder.releaseLike && comparable(folder.title) !== comparable(file.title) ? file : folder;
  }
  if (folder.year !== null) return folder;
  if (file.year !== null) return file;
  return folder.releaseLike ? folder : file;
}

const AS_MOVIE = { episodes: false, seasonContext: false };

function movieResult(file: ParsedSegment, folders: Folder[], preferFolder: boolean, base: Pick<ParsedName, 'ids' | 'extra'>): ParsedName {
  const folder = folders[0] ? parseNameSegment(folders[0].name, AS_MOVIE) : null;
  const source = chooseMovieSource(file, folder, preferFolder);
  return { type: 'movie', title: source.title, year: source.year, season: null, episode: null, absolute: null, air_date: null, ...base };
}

type EpisodeInputs = {
  file: ParsedSegment;
  folders: Folder[];
  dirs: string[];
  seasonFolder: number | null;
  hint: LibraryHint | undefined;
  preferFolder: boolean;
};

function episodeResult({ file, folders, dirs, seasonFolder, hint, preferFolder }: EpisodeInputs, base: Pick<ParsedName, 'ids' | 'extra'>): ParsedName {
  const parsedFolders = folders.map((folder) => ({ ...folder, parsed: parseNameSegment(folder.name, { episodes: true, seasonContext: false }) }));
  const parent = parsedFolders.find(({ index }) => index === dirs.length - 1)?.parsed;
  // A weak marker in an obfuscated file name loses to the release folder's "S02E05".
  const parentWins = parent?.episodes && isExplicitMarker(parent.marker) && !isExplicitMarker(file.marker);
  const numbered = parentWins ? parent
    : file.hasEpisode ? file
      : (parsedFolders.find(({ parsed }) => parsed.hasEpisode)?.parsed ?? file);
  const season = numbered.season ?? seasonFolder ?? parsedFolders.find(({ parsed }) => parsed.season !== null)?.parsed.season ?? null;

  const showFolder = hint === 'tv' ? parsedFolders.find(({ index }) => index === 0 && dirs.length > 0) : undefined;
  // In a season folder a file without a marker is named after the episode, not the show.
  const fileNamesShow = !preferFolder && (file.hasEpisode || seasonFolder === null);
  const titled = showFolder?.parsed.title ? showFolder.parsed
    : fileNamesShow && numbered.title ? numbered
      : fileNamesShow && file.title ? file
        : (parsedFolders.find(({ parsed }) => parsed.title)?.parsed ?? numbered);
  const yearFromFolder = parsedFolders.find(({ parsed }) => parsed.year !== null && comparable(parsed.title) === comparable(titled.title));
  return {
    type: 'episode',
    title: titled.title,
    year: titled.year ?? yearFromFolder?.parsed.year ?? null,
    season,
    episode: episodeValue(numbered.episodes),
    absolute: numbered.absolute,
    air_date: numbered.airDate,
    ...base,
  };
}

/** What a library-relative path names. `hint` is the library type when known. */
export function parseMediaPath(relativePath: string, hint?: LibraryHint): ParsedName {
  const { dirs, base: rawBase } = splitMediaPath(relativePath);
  const ids = findMediaIds([rawBase, ...[...dirs].reverse()]);
  const extraInfo = detectExtra(dirs, rawBase);
  const fileName = stripMediaIds(extraInfo.base);
  const common = { ids, extra: extraInfo.extra };
  const folders = namingFolders(dirs);

  if (hint === 'videos') {
    const file = parseNameSegment(fileName, AS_MOVIE);
    return { type: 'unknown', title: file.title, year: file.year, season: null, episode: null, absolute: null, air_date: null, ...common };
  }
  if (hint === 'movies') return movieResult(parseNameSegment(fileName, AS_MOVIE), folders, extraInfo.fromFolder, common);

  const seasonFolder = nearestSeasonFolder(dirs);
  const seasonContext = seasonFolder !== null || hint === 'tv';
  const file = parseNameSegment(fileName, { episodes: true, seasonContext });
  const inputs: EpisodeInputs = { file, folders, dirs, seasonFolder, hint, preferFolder: extraInfo.fromFolder };
  if (hint === 'tv' || file.hasEpisode || seasonFolder !== null) return episodeResult(inputs, common);

  // An obfuscated file inside its release folder: "Show.S02E05.720p-GRP/160725_02.mkv".
  const parent = folders[0] && folders[0].index === dirs.length - 1
    ? parseNameSegment(folders[0].name, { episodes: true, seasonContext: false })
    : null;
  if (parent && (parent.episodes || parent.airDate || parent.season !== null) && file.year === null) return episodeResult(inputs, common);
  // No marker was found, so the file was read as a movie name already.
  return movieResult(file, folders, extraInfo.fromFolder, common);
}

/** The public fields of a parse (what `npm run parse-names` prints and the parser tests check). */
export function parseOutput(parsed: ParsedName) {
  const { type, title, year, season, episode, absolute, air_date } = parsed;
  return { type, title, year, season, episode, absolute, air_date };
}
