// The one check for every file Marquee reads on a request's behalf (direct play, transcode input,
// subtitles beside a video, local artwork and NFO-referenced images): after symlinks are resolved,
// the file must be inside a library folder or one of Marquee's own folders (data, transcode).
// A symlink inside a library pointing elsewhere inside a library is fine; one pointing out
// (`Movie.en.srt -> /etc/shadow`) is as good as absent.
import { realpath, stat } from 'node:fs/promises';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { insideAny } from './walk-folders';

/** The folders a served file may resolve into: every library folder (stored as real paths) and Marquee's own. */
export async function servedRoots(): Promise<string[]> {
  const c = config();
  const own = await Promise.all([c.paths.data, c.paths.transcode].map((p) => realpath(p).catch(() => p)));
  const folders = await db.libraryFolder.findMany({ select: { path: true } });
  return [...folders.map((f) => f.path), ...own];
}

/**
 * The real path of `path` when it is a regular file inside the served roots, else null (missing,
 * not a file, or resolving outside). Pass `roots` to check many files against one read of them.
 */
export async function servedFile(path: string, roots?: readonly string[]): Promise<string | null> {
  if (path.includes('\0')) return null;
  const real = await realpath(path).catch(() => null);
  if (!real) return null;
  if (!insideAny(roots ?? (await servedRoots()), real)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? real : null;
}
