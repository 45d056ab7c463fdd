// A backstop for the removals made when files, items or libraries go (lib/media/rendition-files.ts):
// any folder of RENDITIONS_DIR whose file is no longer in a library with a ladder is removed. Run by
// system.cleanup, so a removal cut short (a crash, a disk error) leaves nothing behind for long.
import { readdir } from 'node:fs/promises';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { RENDITION_FOLDER, removeRenditionFolder } from '@/lib/media/rendition-files';

const BATCH = 500;

/** Removes renditions nothing wants any more; the number of folders removed. */
export async function pruneOrphanRenditions(): Promise<number> {
  const names = await readdir(config().paths.renditions).catch(() => [] as string[]);
  const byId = new Map<string, string[]>();
  for (const name of names) {
    const id = RENDITION_FOLDER.exec(name)?.[1];
    if (id) byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  const ids = [...byId.keys()];
  let removed = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const wanted = await db.mediaFile.findMany({ where: { id: { in: batch }, library: { renditionLadder: { not: 'off' } } }, select: { id: true } });
    const keep = new Set(wanted.map((f) => f.id));
    for (const id of batch) {
      if (keep.has(id)) continue;
      for (const name of byId.get(id) ?? []) if (await removeRenditionFolder(name)) removed++;
    }
  }
  return removed;
}
