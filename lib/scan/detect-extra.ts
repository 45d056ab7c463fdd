// Samples, trailers and other extras: by folder ("Featurettes/", "Behind The Scenes/") or by a
// suffix on the file name ("-trailer", ".sample"), following the Kodi/Jellyfin conventions.
import { EXTRA_FOLDERS, EXTRA_SUFFIXES } from './naming-rules';

export type ExtraKind = 'sample' | 'trailer' | 'extra';

export type ExtraInfo = {
  extra: ExtraKind | null;
  /** The base name with the extra suffix removed. */
  base: string;
  /** The extra was recognised by its folder, so the item it belongs to is named by the folders. */
  fromFolder: boolean;
};

const SUFFIX_RULES = EXTRA_SUFFIXES.map(({ pattern, extra }) => ({
  extra,
  // Sample and trailer also follow a dot or underscore ("movie.sample"); the rest only a dash.
  regex: new RegExp(`(?:^|${extra === 'extra' ? '-' : '[-._]'})${pattern}$`, 'iu'),
}));
const SAMPLE_PREFIX = /^sample[-._]/iu;
const SAMPLE_INSIDE = /[-._]sample[-._]/u;

/** Whether a folder holds extras, and which kind. */
export function extraFolderKind(name: string): ExtraKind | null {
  return EXTRA_FOLDERS[name.trim().toLowerCase()] ?? null;
}

/** The extra kind of a file from its folders and base name. */
export function detectExtra(dirs: string[], base: string): ExtraInfo {
  for (const rule of SUFFIX_RULES) {
    const match = rule.regex.exec(base);
    if (match) return { extra: rule.extra, base: base.slice(0, match.index), fromFolder: false };
  }
  if (SAMPLE_PREFIX.test(base)) return { extra: 'sample', base: base.replace(SAMPLE_PREFIX, ''), fromFolder: false };
  if (SAMPLE_INSIDE.test(base)) return { extra: 'sample', base, fromFolder: false };
  for (let i = dirs.length - 1; i >= 0; i--) {
    const kind = extraFolderKind(dirs[i]);
    if (kind) return { extra: kind, base, fromFolder: true };
  }
  return { extra: null, base, fromFolder: false };
}
