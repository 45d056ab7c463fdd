// Which library owns a folder? A remote scanner started without --library asks with its root (as
// the server knows it: often the same mount path). The answer compares strings with the
// libraries' folder paths only: the path given never reaches the filesystem.
import { posix } from 'node:path';
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { isWithin } from './library-path';

export const libraryForPathQuerySchema = z.object({
  path: z
    .string()
    .min(1)
    .max(4096)
    .transform((p) => (p.length > 1 ? p.replace(/\/+$/, '') : p))
    .refine((p) => posix.isAbsolute(p) && posix.normalize(p) === p && !p.split('/').some((s) => s === '..' || s === '.'), 'must be an absolute path with no "..", "." or repeated "/"'),
});
export const libraryForPathSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  /** The library's folder that holds the path. */
  folder: z.string(),
});

type Library = { id: string; name: string };
const names = (libs: Library[]) => libs.map((l) => `“${l.name}” (${l.id})`).join(', ');

export async function findLibraryForPath(path: string): Promise<z.infer<typeof libraryForPathSchema>> {
  const libraries = await db.library.findMany({ select: { id: true, name: true, type: true, folders: { select: { path: true } } }, orderBy: { name: 'asc' } });
  const owners = libraries.flatMap((l) => l.folders.filter((f) => isWithin(f.path, path)).map((f) => ({ ...l, folder: f.path })));
  if (owners.length === 1) {
    const [{ id, name, type, folder }] = owners;
    return { id, name, type, folder };
  }
  // Library folders never overlap today, but libraries made before that rule may.
  if (owners.length > 1) throw new ApiError('library_ambiguous', `Several libraries have a folder holding ${path}: ${names(owners)}. Name the one to use (--library <id>).`);
  const inside = libraries.filter((l) => l.folders.some((f) => isWithin(path, f.path)));
  if (inside.length > 1) {
    throw new ApiError('library_ambiguous', `No library has a folder holding ${path}, and it holds folders of several: ${names(inside)}. Scan one library's folder, or name the library (--library <id>).`);
  }
  if (inside.length === 1) {
    throw new ApiError('not_found', `No library has a folder holding ${path}; ${names(inside)} has a folder inside it. Scan that folder, or name the library (--library <id>).`);
  }
  throw new ApiError('not_found', `No library has a folder holding ${path}. Add one with this folder, or name the library (--library <id>).`);
}
