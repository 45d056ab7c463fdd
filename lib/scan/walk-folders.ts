// Walks every folder of a library. A folder that cannot be read at all (an unmounted drive) is an
// issue, not an empty folder: its files are left as they were instead of all turning missing.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { noteFdExhaustion } from '@/lib/errors/fd-exhaustion';
import { walkLibrary, WalkExhaustedError, type WalkedFile, type WalkIssue, type WalkOptions } from './walk-library';

export interface WalkedFolders {
  files: WalkedFile[];
  issues: WalkIssue[];
  /** Folders that could not be opened: stored files inside them are not judged by this scan. */
  unreachable: string[];
}

export async function walkFolders(roots: readonly string[], opts: WalkOptions): Promise<WalkedFolders> {
  const out: WalkedFolders = { files: [], issues: [], unreachable: [] };
  const errors: string[] = [];
  // A symlink may lead anywhere in the library, never out of it.
  const libraryRoots = opts.libraryRoots ?? (await Promise.all(roots.map((r) => realpath(r).catch(() => r))));
  for (const root of roots) {
    opts.signal?.throwIfAborted();
    try {
      const walked = await walkLibrary(root, { ...opts, libraryRoots });
      out.files.push(...walked.files);
      out.issues.push(...walked.issues);
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      if (noteFdExhaustion(err)) throw err instanceof WalkExhaustedError ? err : new WalkExhaustedError(root, err as NodeJS.ErrnoException);
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      errors.push(`${root}: ${code}`);
      out.unreachable.push(root);
      out.issues.push({ path: root, reason: 'unreadable', message: `This folder of the library cannot be read (${code}): its items are kept until it is back.` });
    }
  }
  if (roots.length > 0 && out.unreachable.length === roots.length) throw new Error(`no folder of the library can be read (${errors.join('; ')})`);
  return out;
}

/** Is this path one of these folders, or inside one? */
export function insideAny(folders: readonly string[], path: string): boolean {
  return folders.some((folder) => {
    const rel = relative(folder, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
