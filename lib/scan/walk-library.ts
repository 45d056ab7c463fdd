// Walks a library folder with stat only (no file is opened): video files with size, mtime and
// inode, and per-path issues (unreadable, symlink loop, symlink out of the library, too deep)
// instead of failing the walk. At most `concurrency` folders are open or entries stat'ed at once,
// so a huge tree never holds more than that many descriptors. Running out of descriptors
// (EMFILE/ENFILE) is not an issue of one path: the walk fails, so a scan never mistakes it for
// an empty folder and removes what it had.
import type { Dirent, Stats } from 'node:fs';
import { opendir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { noteFdExhaustion } from '@/lib/errors/fd-exhaustion';
import { compileIgnore, IGNORE_FILE } from './ignore-file';

export interface WalkedFile {
  path: string;
  /** Relative to the library root, with forward slashes. */
  relPath: string;
  size: number;
  mtimeMs: number;
  /** `dev:ino`: survives renames and moves within one filesystem. */
  inode: string;
}

export interface WalkIssue {
  path: string;
  reason: 'unreadable' | 'symlink_loop' | 'too_deep' | 'outside_library';
  message: string;
}

export interface WalkOptions {
  isMediaFile: (name: string) => boolean;
  /** Absolute folders never entered (Marquee's own data and transcode folders). */
  skipDirs?: string[];
  maxDepth?: number;
  signal?: AbortSignal;
  /** Real paths a symlink may lead into (default: the walked root): the library's folders. */
  libraryRoots?: readonly string[];
  /** Folders read and entries stat'ed at once (default 16). */
  concurrency?: number;
}

/** The walk ran out of file descriptors: a failed scan, never an empty one. */
export class WalkExhaustedError extends Error {
  readonly code: string;
  constructor(path: string, cause: NodeJS.ErrnoException) {
    super(
      `Out of file descriptors (${cause.code}) while reading ${path}: the scan stopped and nothing was removed. Raise the worker's limit (ulimit -n) or look for what holds so many files open.`,
      { cause },
    );
    this.code = cause.code ?? 'EMFILE';
  }
}

/** A counting semaphore: `run` waits for one of `size` slots. */
function limiter(size: number) {
  let free = Math.max(1, size);
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

const within = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

export const VIDEO_EXTENSIONS = new Set(
  ['mkv', 'mp4', 'm4v', 'avi', 'mov', 'wmv', 'webm', 'ts', 'm2ts', 'mts', 'mpg', 'mpeg', 'flv', 'ogv', 'divx', 'iso', '3gp', 'vob'].map((e) => `.${e}`),
);

export function isVideoFile(name: string): boolean {
  return !name.startsWith('.') && VIDEO_EXTENSIONS.has(extname(name).toLowerCase());
}

type Ignore = { base: string; test: (rel: string) => boolean };

export async function walkLibrary(root: string, opts: WalkOptions): Promise<{ files: WalkedFile[]; issues: WalkIssue[] }> {
  const files: WalkedFile[] = [];
  const issues: WalkIssue[] = [];
  const maxDepth = opts.maxDepth ?? 64;
  const skip = new Set(opts.skipDirs ?? []);
  const slot = limiter(opts.concurrency ?? 16);
  // Directories on the current path (dev:ino): entering one again through a symlink is a loop.
  const rootStat = await stat(root);
  const roots = opts.libraryRoots ?? [await realpath(root)];
  const exhausted = (path: string, err: unknown) => {
    if (!noteFdExhaustion(err)) return;
    throw new WalkExhaustedError(path, err as NodeJS.ErrnoException);
  };

  async function visit(dir: string, rel: string, depth: number, ancestors: Set<string>, ignores: Ignore[]): Promise<void> {
    opts.signal?.throwIfAborted();
    if (depth > maxDepth) {
      issues.push({ path: dir, reason: 'too_deep', message: `More than ${maxDepth} folders deep: not scanned further.` });
      return;
    }
    let entries: Dirent[];
    try {
      entries = await slot(async () => {
        const list: Dirent[] = [];
        for await (const e of await opendir(dir)) list.push(e);
        return list;
      });
    } catch (err) {
      exhausted(dir, err);
      issues.push({ path: dir, reason: 'unreadable', message: `Cannot read this folder (${(err as NodeJS.ErrnoException).code ?? 'error'}).` });
      return;
    }
    const own = entries.find((e) => e.name === IGNORE_FILE && e.isFile());
    const active = own ? [...ignores, { base: rel, test: compileIgnore(await readFile(join(dir, own.name), 'utf8').catch(() => '')) }] : ignores;
    const ignored = (childRel: string) =>
      active.some((i) => i.test(i.base ? childRel.slice(i.base.length + 1) : childRel));

    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.')) return; // hidden files and folders, ours included
        const path = join(dir, entry.name);
        const childRel = rel ? `${rel}/${entry.name}` : entry.name;
        if (ignored(childRel)) return;
        let st: Stats;
        try {
          st = await slot(async () => {
            // A symlink is followed only while it stays in the library (never to /etc or /proc).
            if (entry.isSymbolicLink()) {
              const target = await realpath(path);
              if (!roots.some((r) => within(r, target))) throw Object.assign(new Error('outside'), { code: 'EOUTSIDE', target });
            }
            return stat(path); // follows symlinks
          });
        } catch (err) {
          exhausted(path, err);
          if ((err as NodeJS.ErrnoException).code === 'EOUTSIDE') {
            issues.push({ path, reason: 'outside_library', message: 'A symbolic link to a place outside the library: skipped.' });
            return;
          }
          const code = (err as NodeJS.ErrnoException).code;
          issues.push({
            path,
            reason: code === 'ELOOP' ? 'symlink_loop' : 'unreadable',
            message: code === 'ELOOP' ? 'A symbolic link loop: skipped.' : `Cannot read this entry (${code ?? 'error'}).`,
          });
          return;
        }
        if (st.isDirectory()) {
          if (skip.has(path)) return;
          const key = `${st.dev}:${st.ino}`;
          if (ancestors.has(key)) {
            issues.push({ path, reason: 'symlink_loop', message: 'This folder links back to one of its parents: skipped.' });
            return;
          }
          await visit(path, childRel, depth + 1, new Set(ancestors).add(key), active);
        } else if (st.isFile() && opts.isMediaFile(entry.name)) {
          files.push({ path, relPath: childRel, size: st.size, mtimeMs: Math.trunc(st.mtimeMs), inode: `${st.dev}:${st.ino}` });
        }
      }),
    );
  }

  await visit(root, '', 0, new Set([`${rootStat.dev}:${rootStat.ino}`]), []);
  files.sort((a, b) => a.relPath.localeCompare(b.relPath));
  return { files, issues };
}
