// Files pushed by a remote scanner (`npm run scanner`): the same parser and identity rules as a
// local scan, stored as `origin: remote` so local scans leave them alone. Pushing the same file
// again changes nothing.
import { z } from 'zod';
import { db, Prisma } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { mediaInfoSchema } from '@/lib/media/media-info';
import { attachFile } from '@/lib/scan/attach-file';
import { identifyPath } from '@/lib/scan/identity';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export const remoteItemSchema = z.object({
  item: z.object({
    /** The file's path on the scanning machine. */
    path: z.string().min(1).max(4096),
    /** Relative to the scanned folder, with forward slashes: what names are parsed from. */
    rel_path: z.string().min(1).max(4096).refine((p) => !p.split('/').includes('..'), 'must not contain ..'),
    size: z.number().int().min(0),
    mtime_ms: z.number().int().min(0),
    head_tail_hash: z.string().max(128).nullable().optional(),
    media_info: mediaInfoSchema.nullable().optional(),
    probe_error: z.string().max(500).nullable().optional(),
  }),
});
export const remoteItemResultSchema = z.object({ id: z.string(), file_id: z.string(), created: z.boolean() });
export const remoteFileSchema = z.object({ path: z.string(), size: z.number(), mtime_ms: z.number() });

export async function ingestRemoteItem(libraryId: string, input: z.infer<typeof remoteItemSchema>['item']): Promise<z.infer<typeof remoteItemResultSchema>> {
  const library = await db.library.findUnique({ where: { id: libraryId }, select: { id: true, type: true } });
  if (!library) throw new ApiError('not_found', 'No such library.');
  const path = `remote:${input.path}`;
  const existing = await db.mediaFile.findUnique({ where: { path }, select: { id: true, libraryId: true, size: true, mtimeMs: true, itemId: true } });
  if (existing && existing.libraryId !== libraryId) throw new ApiError('conflict', 'This file belongs to another library.');
  if (existing && existing.itemId && Number(existing.size) === input.size && Number(existing.mtimeMs) === input.mtime_ms) {
    return { id: existing.itemId, file_id: existing.id, created: false };
  }
  const identity = identifyPath(input.rel_path, library.type);
  if (identity.kind === 'unrecognized') throw new ApiError('validation_failed', `Not added: ${identity.reason}.`, { fields: [{ path: 'body.item.rel_path', message: identity.reason }] });
  const ingested = await db.$transaction(async (tx) => {
    const data = {
      libraryId,
      path,
      origin: 'remote',
      size: input.size,
      mtimeMs: input.mtime_ms,
      headTailHash: input.head_tail_hash ?? null,
      mediaInfo: input.media_info ? (input.media_info as Prisma.InputJsonValue) : Prisma.DbNull,
      probeError: input.probe_error ?? null,
      probedAt: new Date(),
      status: 'ok' as const,
    };
    const file = existing ? await tx.mediaFile.update({ where: { id: existing.id }, data }) : await tx.mediaFile.create({ data });
    const { created } = await attachFile(tx, libraryId, file.id, identity);
    const item = await tx.mediaFile.findUniqueOrThrow({ where: { id: file.id }, select: { itemId: true } });
    return { id: item.itemId!, file_id: file.id, created: created || !existing };
  });
  catalogChanged();
  return ingested;
}

export async function listRemoteFiles(libraryId: string): Promise<z.infer<typeof remoteFileSchema>[]> {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const rows = await db.mediaFile.findMany({ where: { libraryId, origin: 'remote' }, select: { path: true, size: true, mtimeMs: true } });
  return rows.map((r) => ({ path: r.path.slice('remote:'.length), size: Number(r.size), mtime_ms: Number(r.mtimeMs) }));
}
