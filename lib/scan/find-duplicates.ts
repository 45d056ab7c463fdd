// Items with several files in one library: movies and videos with several present files, episodes
// with several files (versions). Listed live by GET /api/v1/library/:id/duplicates, and as the report
// a `duplicatescan` task makes after its scan (lib/library/duplicates-report.ts).
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export const duplicateSchema = z.object({
  kind: z.enum(['movie', 'video', 'episode']),
  id: z.string(),
  title: z.string(),
  files: z.array(z.string()),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

/** Movies and videos with several present files, and episodes with several files (versions). */
export async function findDuplicates(libraryId: string): Promise<Duplicate[]> {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const present = { status: 'ok' as const };
  const items = await db.mediaItem.findMany({
    where: { libraryId, kind: { in: ['movie', 'video'] }, files: { some: present } },
    select: { id: true, kind: true, title: true, files: { where: present, select: { path: true } } },
  });
  const episodes = await db.episode.findMany({
    where: { show: { libraryId } },
    select: { id: true, number: true, seasonNumber: true, show: { select: { title: true } }, files: { where: { file: present }, select: { file: { select: { path: true } } } } },
  });
  return [
    ...items.filter((i) => i.files.length > 1).map((i) => ({ kind: i.kind as 'movie' | 'video', id: i.id, title: i.title, files: i.files.map((f) => f.path) })),
    ...episodes
      .filter((e) => e.files.length > 1)
      .map((e) => ({
        kind: 'episode' as const,
        id: e.id,
        title: `${e.show.title} S${String(e.seasonNumber).padStart(2, '0')}E${String(e.number).padStart(2, '0')}`,
        files: e.files.map((f) => f.file.path),
      })),
  ];
}
