// The folders of a library: every one checked (absolute, readable, not Marquee's own folders), none
// overlapping another — in another library or in the same one — each refusal saying which folder
// is in the way, at the field it came from.
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { isWithin, validateLibraryPath, type LibraryPathRules } from './library-path';

type OtherFolder = { path: string; libraryName: string };

/** The rules a folder of library `exceptId` (or of a new library) must follow, and the other libraries' folders. */
async function folderRules(exceptId?: string): Promise<{ rules: LibraryPathRules; others: OtherFolder[] }> {
  const c = config();
  const rows = await db.libraryFolder.findMany({
    where: exceptId ? { libraryId: { not: exceptId } } : {},
    select: { path: true, library: { select: { name: true } } },
  });
  return {
    // Overlaps are checked here, with the other library's name in the message.
    rules: { dataDir: c.paths.data, transcodeDir: c.paths.transcode, allowedInsideData: [c.paths.sampleMedia], otherLibraryPaths: [] },
    others: rows.map((r) => ({ path: r.path, libraryName: r.library.name })),
  };
}

function overlapMessage(folder: string, other: string, owner: string | null): string {
  const whose = owner === null ? 'another folder of this library' : `a folder of the library “${owner}”`;
  if (folder === other) return `This folder is already ${whose}.`;
  return isWithin(other, folder) ? `This folder is inside ${whose} (${other}).` : `This folder contains ${whose} (${other}).`;
}

/** One folder, on its own (the forms check each as it is typed): its real path, or the ApiError. */
export async function validateFolder(path: string, exceptId?: string): Promise<string> {
  const { rules, others } = await folderRules(exceptId);
  const real = await validateLibraryPath(path, rules);
  const clash = others.find((o) => isWithin(o.path, real) || isWithin(real, o.path));
  if (clash) throw new ApiError('library_path_overlap', overlapMessage(real, clash.path, clash.libraryName));
  return real;
}

/**
 * Every folder of a library being created or edited (`exceptId`): their real paths, in the order
 * given, without duplicates. A refusal names the field (`body.paths.<i>`) it belongs to.
 */
export async function validateFolders(paths: readonly string[], exceptId?: string, fieldOf = (i: number) => `body.paths.${i}`): Promise<string[]> {
  const { rules, others } = await folderRules(exceptId);
  const reals: string[] = [];
  for (const [i, path] of paths.entries()) {
    const at = (err: ApiError) => new ApiError(err.code, paths.length > 1 ? `Folder ${i + 1}: ${err.message}` : err.message, { fields: [{ path: fieldOf(i), message: err.message }] });
    let real: string;
    try {
      real = await validateLibraryPath(path, rules);
    } catch (err) {
      throw err instanceof ApiError ? at(err) : err;
    }
    const clash = others.find((o) => isWithin(o.path, real) || isWithin(real, o.path));
    if (clash) throw at(new ApiError('library_path_overlap', overlapMessage(real, clash.path, clash.libraryName)));
    const own = reals.find((r) => isWithin(r, real) || isWithin(real, r));
    if (own === real) continue; // the same folder twice: once is enough
    if (own) throw at(new ApiError('library_path_overlap', overlapMessage(real, own, null)));
    reals.push(real);
  }
  return reals;
}
