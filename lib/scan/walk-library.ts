// Walks a library folder with stat only (no file is opened): video files with size, mtime and
// inode, and per-path issues (unreadable, symlink loop, too deep) instead of failing the walk.
import type { Dirent, Stats } from 'node:fs';
import { opendir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
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
  reason: 'unreadable' | 'symlink_loop' | 'too_deep';
  message: string;
}

export interface WalkOptions {
  isMediaFile: (name: string) => boolean;
  /** Absolute folders never entered (Marquee's own data and transcode folders). */
  skipDirs?: string[];
  maxDepth?: number;
  signal?: AbortSignal;
}

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
  // Directories on the current path (dev:ino): entering one again through a symlink is a loop.
  const rootStat = await stat(root);

  async function visit(dir: string, rel: string, depth: number, ancestors: Set<string>, ignores: Ignore[]): Promise<void> {
    opts.signal?.throwIfAborted();
    if (depth > maxDepth) {
      issues.push({ path: dir, reason: 'too_deep', message: `More than ${maxDepth} folders deep: not scanned further.` });
      return;
    }
    let entries: Dirent[];
    try {
      entries = [];
      for await (const e of await opendir(dir)) entries.push(e);
    } catch (err) {
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
          st = await stat(path); // follows symlinks
        } catch (err) {
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
