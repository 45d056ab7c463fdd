// Splits a library-relative path into folders, base name and extension, and says what a folder
// is: a season folder ("Season 02", "Specials"), a folder that says nothing ("Movies", "CD1"), or
// one that names the item.
import { GENERIC_FOLDER_NAMES, SEASON_WORDS, SIDECAR_EXTENSIONS, SPECIALS_FOLDERS, VIDEO_EXTENSIONS } from './naming-rules';

export type MediaPathParts = { dirs: string[]; base: string; extension: string | null };

const KNOWN_EXTENSIONS = new Set([...VIDEO_EXTENSIONS, ...SIDECAR_EXTENSIONS]);
const SEASON_FOLDER = new RegExp(`^(?:${SEASON_WORDS.join('|')})[\\s._-]*(\\d{1,4})(?![\\d])(?:[\\s._(\\[-].*)?$`, 'iu');
const SHORT_SEASON_FOLDER = /^s(\d{1,4})$/iu;
const DISC_FOLDER = /^(?:cd|dvd|disc|disk|part|pt)[\s._-]?\d{1,2}$/iu;
const DRIVE = /^[a-z]:$/iu;
const PLACEHOLDER = /^_+.*_+$/u;

const count = (text: string, char: string) => text.split(char).length - 1;

/** Path segments; a slash inside brackets ("[Title/Other Title]") does not split. */
function splitSegments(relativePath: string): string[] {
  const segments: string[] = [];
  let open = '';
  for (const part of relativePath.split(/[/\\]+/u)) {
    open = open === '' ? part : `${open}/${part}`;
    if (count(open, '[') > count(open, ']') || count(open, '(') > count(open, ')') || count(open, '【') > count(open, '】')) continue;
    segments.push(open);
    open = '';
  }
  if (open !== '') segments.push(open);
  return segments.map((segment) => segment.trim()).filter((segment) => segment !== '' && segment !== '.');
}

/** Folders, base name and known extension of a relative path (either slash). */
export function splitMediaPath(relativePath: string): MediaPathParts {
  const segments = splitSegments(relativePath);
  const last = segments.pop() ?? '';
  const dot = /\.([A-Za-z0-9-]{1,6})$/u.exec(last);
  const extension = dot && KNOWN_EXTENSIONS.has(dot[1].toLowerCase()) ? dot[1].toLowerCase() : null;
  const base = extension ? last.slice(0, -(extension.length + 1)) : last;
  return { dirs: segments, base, extension };
}

/** The season a folder holds ("Season 2" → 2, "Specials" → 0), or null for any other folder. */
export function seasonFolderNumber(name: string): number | null {
  const trimmed = name.trim();
  if (SPECIALS_FOLDERS.includes(trimmed.toLowerCase())) return 0;
  const match = SEASON_FOLDER.exec(trimmed) ?? SHORT_SEASON_FOLDER.exec(trimmed);
  return match ? Number(match[1]) : null;
}

/** A folder whose name says nothing about the item in it (a library root, "CD1", "VIDEO_TS"). */
export function isGenericFolder(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return GENERIC_FOLDER_NAMES.includes(lower) || DISC_FOLDER.test(lower) || DRIVE.test(lower) || PLACEHOLDER.test(lower);
}
