// Which folders hold an item's sidecars: a show's folder (the common parent above its season
// folders), and which entries of a folder shared by several titles belong to one of them. Pure.
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { detectExtra } from '@/lib/scan/detect-extra';
import { isVideoFile } from '@/lib/scan/walk-library';
import { sidecarBaseNames } from './sidecar-names';

const SEASON_FOLDER = /^(?:(?:season|series|staffel|saison|temporada|stagione|seizoen|sezon)[\s._-]*\d{1,4}|s\d{1,4}|specials?)$/i;

export function isSeasonFolderName(name: string): boolean {
  return SEASON_FOLDER.test(name.trim());
}

/** Is `path` strictly inside `root`? */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The deepest folder holding every one of `files` (absolute paths). */
export function commonFolder(files: readonly string[]): string | null {
  if (files.length === 0) return null;
  let common = dirname(files[0]);
  for (const file of files.slice(1)) {
    while (!isInside(common, file)) {
      const up = dirname(common);
      if (up === common) return common;
      common = up;
    }
  }
  return common;
}

/**
 * A show's folder: the common parent of its episode files, above any season folder, strictly
 * inside the library (episodes loose in the library's root have no show folder: null).
 */
export function showFolder(episodeFiles: readonly string[], libraryRoot: string): string | null {
  let folder = commonFolder(episodeFiles);
  while (folder && isInside(libraryRoot, folder) && isSeasonFolderName(basename(folder))) folder = dirname(folder);
  return folder && isInside(libraryRoot, folder) ? folder : null;
}

/** Entries named after `mediaFileName` (`Heat.nfo`, `Heat-poster.jpg`, `Heat cd1.avi`…). */
export function ownEntries(entries: readonly string[], mediaFileName: string): string[] {
  const names = sidecarBaseNames(mediaFileName).map((n) => n.toLowerCase());
  return entries.filter((entry) => {
    const e = entry.toLowerCase();
    return names.some((n) => e.startsWith(`${n}.`) || e.startsWith(`${n}-`) || e.startsWith(`${n} `) || e.startsWith(`${n}_`));
  });
}

/**
 * The entries of a movie's or video's folder that may describe it. A folder of its own gives all of
 * them (poster.jpg, movie.nfo); the library's root, a video library's folders, and a folder with
 * other titles' videos (extras such as trailer.mkv do not count) give only the file's own sidecars,
 * so one title's poster.jpg is not everyone's.
 */
export function titleEntries(entries: readonly string[], mediaFileName: string, opts: { folder: string; libraryRoot: string; kind: 'movie' | 'video' }): string[] {
  const own = ownEntries(entries, mediaFileName);
  const othersVideos = entries.some((e) => isVideoFile(e) && !own.includes(e) && detectExtra([], e.replace(/\.[^.]+$/, '')).extra === null);
  const shared = opts.kind === 'video' || !isInside(opts.libraryRoot, opts.folder) || othersVideos;
  return shared ? own : [...entries];
}
