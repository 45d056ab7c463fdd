// Checks a folder an admin wants as a library: absolute and normalized, a readable directory,
// not inside Marquee's own folders, not overlapping another library.
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { isAbsolute, normalize, relative } from 'node:path';
import { ApiError } from '@/lib/errors/api-error';

/** True when `child` is `parent` or inside it. */
export function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function assertNormalizedAbsolute(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/[/\\]+$/, '') : path;
  const parts = trimmed.split(/[/\\]/);
  if (!isAbsolute(trimmed) || parts.includes('..') || parts.includes('.') || normalize(trimmed) !== trimmed) {
    throw new ApiError('library_path_invalid', 'The library path must be absolute and normalized (no "..", "." or repeated separators).');
  }
  return trimmed;
}

export interface LibraryPathRules {
  dataDir: string;
  transcodeDir: string;
  /** Folders under DATA_DIR that may still be libraries (the generated sample library). */
  allowedInsideData: string[];
  otherLibraryPaths: string[];
}

/** Returns the real (symlink-resolved) path to store, or throws the matching ApiError. */
export async function validateLibraryPath(path: string, rules: LibraryPathRules): Promise<string> {
  const clean = assertNormalizedAbsolute(path);
  let real: string;
  try {
    real = await realpath(clean);
    if (!(await stat(real)).isDirectory()) throw new Error('not a directory');
    await access(real, constants.R_OK | constants.X_OK);
  } catch {
    throw new ApiError('library_path_unreadable', 'The library path does not exist, is not a folder, or cannot be read by the server.');
  }
  const resolveOrSelf = (p: string) => realpath(p).catch(() => p);
  const transcode = await resolveOrSelf(rules.transcodeDir);
  const data = await resolveOrSelf(rules.dataDir);
  const allowed = await Promise.all(rules.allowedInsideData.map(resolveOrSelf));
  if (isWithin(transcode, real) || isWithin(real, transcode)) {
    throw new ApiError('library_path_forbidden', 'The library path overlaps the transcode folder.');
  }
  if (isWithin(data, real) && !allowed.some((a) => isWithin(a, real))) {
    throw new ApiError('library_path_forbidden', "The library path is inside Marquee's data folder.");
  }
  for (const other of rules.otherLibraryPaths) {
    if (isWithin(other, real) || isWithin(real, other)) {
      throw new ApiError('library_path_overlap', 'The path is inside, or contains, another library.');
    }
  }
  return real;
}
