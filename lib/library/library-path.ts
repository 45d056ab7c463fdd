// Checks a folder an admin wants as a library: absolute and normalized, a readable directory,
// not a system or pseudo-filesystem folder (or a folder holding one: `/`), not inside or holding
// Marquee's own folders, not overlapping another library. Checked on the real path (symlinks
// resolved), so a link to /proc is refused like /proc itself.
import { constants } from 'node:fs';
import { access, realpath, stat, statfs } from 'node:fs/promises';
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

/**
 * Folders that are never media: kernel and device pseudo-filesystems and runtime state. Walking
 * them opens thousands of descriptors (every /proc/<pid>/fd) and never ends. A library may not be
 * one of them, inside one, or hold one (`/`).
 */
export const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev', '/run'] as const;

/** statfs magic numbers of pseudo-filesystems (a /proc bind-mounted elsewhere is still /proc). */
const PSEUDO_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1373, 'devfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
]);

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
  for (const system of SYSTEM_FOLDERS) {
    const sys = await resolveOrSelf(system);
    if (isWithin(sys, real) || isWithin(system, real)) {
      throw new ApiError('library_path_forbidden', `The library path is a system folder (${system}): it holds no media and cannot be scanned.`);
    }
    if (isWithin(real, sys)) {
      throw new ApiError('library_path_forbidden', `The library path contains the system folder ${system}: choose the folder that holds your media.`);
    }
  }
  const fsType = await statfs(real).then((s) => PSEUDO_FILESYSTEMS.get(Number(s.type)), () => undefined);
  if (fsType) throw new ApiError('library_path_forbidden', `The library path is on a ${fsType} pseudo-filesystem: it holds no media and cannot be scanned.`);
  const transcode = await resolveOrSelf(rules.transcodeDir);
  const data = await resolveOrSelf(rules.dataDir);
  const allowed = await Promise.all(rules.allowedInsideData.map(resolveOrSelf));
  if (isWithin(transcode, real)) throw new ApiError('library_path_forbidden', 'The library path is inside the transcode folder.');
  if (isWithin(data, real) && !allowed.some((a) => isWithin(a, real))) {
    throw new ApiError('library_path_forbidden', "The library path is inside Marquee's data folder.");
  }
  if (isWithin(real, data)) {
    throw new ApiError('library_path_forbidden', "The library path contains Marquee's data folder: choose the folder that holds your media.");
  }
  if (isWithin(real, transcode)) throw new ApiError('library_path_forbidden', 'The library path contains the transcode folder.');
  for (const other of rules.otherLibraryPaths) {
    if (isWithin(other, real) || isWithin(real, other)) {
      throw new ApiError('library_path_overlap', 'The path is inside, or contains, another library.');
    }
  }
  return real;
}
