// Where a file's background renditions live (RENDITIONS_DIR/<fileId>/, and <fileId>.part/ while
// they are made), and their removal when the file, its item or its library goes, or the ladder is
// turned off. Only folders directly inside RENDITIONS_DIR named after a file id are ever removed:
// the id is checked, the path resolved and held to that folder, and a symlink is unlinked, never followed.
import { lstat, rm, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { config } from '@/lib/config';
import { db } from '@/lib/db';

/** Our ids (cuid: 25 lowercase letters and digits): nothing that could climb out of the folder, nor a name someone else gave a folder there. */
const FILE_ID = /^[a-z0-9]{20,40}$/;
/** A folder of RENDITIONS_DIR that renditions made: `<fileId>` or `<fileId>.part`. */
export const RENDITION_FOLDER = /^([a-z0-9]{20,40})(?:\.part)?$/;

export class RenditionPathError extends Error {}

function root(): string {
  return resolve(config().paths.renditions);
}

/** The folder, directly inside RENDITIONS_DIR, holding a file's renditions. */
export function renditionsDir(fileId: string): string {
  if (!FILE_ID.test(fileId)) throw new RenditionPathError(`not a media file id: ${JSON.stringify(fileId)}`);
  const dir = resolve(root(), fileId);
  if (dirname(dir) !== root()) throw new RenditionPathError(`${dir} is not inside ${root()}`);
  return dir;
}

/** Removes one entry of RENDITIONS_DIR by name; true when something was there. */
export async function removeRenditionFolder(name: string): Promise<boolean> {
  if (!RENDITION_FOLDER.test(name)) return false;
  const path = resolve(root(), name);
  if (dirname(path) !== root()) return false;
  const found = await lstat(path).catch(() => null);
  if (!found) return false;
  // A link put there by someone else goes, and what it points at stays.
  if (found.isSymbolicLink() || !found.isDirectory()) await unlink(path);
  else await rm(path, { recursive: true, force: true });
  return true;
}

/** Removes the renditions (finished or in the making) of these files; the number of folders removed. */
export async function removeRenditions(fileIds: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const id of new Set(fileIds)) {
    if (!FILE_ID.test(id)) continue;
    if (await removeRenditionFolder(id)) removed++;
    if (await removeRenditionFolder(`${id}.part`)) removed++;
  }
  return removed;
}

/** The ids of the files a delete is about to remove (select: id), for removeRenditionsOfGone afterwards. */
export async function fileIdsWhere(where: NonNullable<Parameters<typeof db.mediaFile.findMany>[0]>['where']): Promise<string[]> {
  return (await db.mediaFile.findMany({ where, select: { id: true } })).map((f) => f.id);
}

/** After a delete: removes the renditions of those of `fileIds` whose row is gone (a delete that failed keeps them). */
export async function removeRenditionsOfGone(fileIds: readonly string[]): Promise<number> {
  let removed = 0;
  for (let start = 0; start < fileIds.length; start += 500) {
    const batch = fileIds.slice(start, start + 500);
    const still = new Set(await fileIdsWhere({ id: { in: batch } }));
    removed += await removeRenditions(batch.filter((id) => !still.has(id)));
  }
  return removed;
}
