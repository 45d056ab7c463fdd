// Files pushed by a remote scanner (`npm run scanner`): the same parser and identity rules as a
// local scan, stored as `origin: remote` so local scans leave them alone. Every call is
// idempotent, so a scanner that lost its connection can send the same thing again:
// - pushing a file the server has unchanged changes nothing;
// - files the scanner no longer finds are marked missing (like a local scan's vanished files:
//   shown, not playable, purged after MISSING_PURGE_DAYS);
// - a new path whose size and head/tail hash match a missing file of the library is that file
//   moved: it keeps its id and its item (and so the item's watch state), as a local scan's moves do.
import { z } from 'zod';
import { db, Prisma } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { mediaInfoSchema } from '@/lib/media/media-info';
import { attachFile } from '@/lib/scan/attach-file';
import { identifyPath } from '@/lib/scan/identity';
import { catalogChanged } from '@/lib/list-cache/list-cache';
import { updatePresence } from '@/lib/scan/update-presence';

const remotePath = z.string().min(1).max(4096);

export const remoteItemSchema = z.object({
  item: z.object({
    /** The file's path on the scanning machine. */
    path: remotePath,
    /** Relative to the scanned folder, with forward slashes: what names are parsed from. */
    rel_path: z.string().min(1).max(4096).refine((p) => !p.split('/').includes('..'), 'must not contain ..'),
    size: z.number().int().min(0),
    mtime_ms: z.number().int().min(0),
    /** SHA-256 of the size, first and last 64 KiB (lib/scan/head-tail-hash.ts): how a moved file is recognised. */
    head_tail_hash: z.string().max(128).nullable().optional(),
    media_info: mediaInfoSchema.nullable().optional(),
    probe_error: z.string().max(500).nullable().optional(),
  }),
});
export const remoteItemResultSchema = z.object({
  id: z.string(),
  file_id: z.string(),
  /** True when the push created the item. */
  created: z.boolean(),
  /** What happened to the file: new, its content changed, moved from a missing path, back at its path, or nothing. */
  file: z.enum(['added', 'changed', 'moved', 'restored', 'unchanged']),
});
export const remoteFileSchema = z.object({
  path: z.string(),
  size: z.number(),
  mtime_ms: z.number(),
  head_tail_hash: z.string().nullable(),
  status: z.enum(['ok', 'missing']),
});
export const remoteMissingSchema = z.object({
  /** Paths (as pushed) the scanner no longer finds. */
  paths: z.array(remotePath).min(1).max(1000),
});
export const remoteMissingResultSchema = z.object({
  /** Marked missing now. */
  missing: z.number().int(),
  already_missing: z.number().int(),
  /** Not files of this library pushed by a scanner (ignored). */
  unknown: z.number().int(),
});

type RemoteItem = z.infer<typeof remoteItemSchema>['item'];
type RemoteItemResult = z.infer<typeof remoteItemResultSchema>;

const PREFIX = 'remote:';
const isUniqueViolation = (err: unknown) => (err as { code?: unknown })?.code === 'P2002';

async function assertLibrary(libraryId: string) {
  const library = await db.library.findUnique({ where: { id: libraryId }, select: { id: true, type: true } });
  if (!library) throw new ApiError('not_found', 'No such library.');
  return library;
}

export async function ingestRemoteItem(libraryId: string, input: RemoteItem): Promise<RemoteItemResult> {
  // Two pushes racing to create the same show (or the same path) on PostgreSQL: the loser finds the winner's row.
  for (let attempt = 0; ; attempt++) {
    try {
      return await ingestOnce(libraryId, input);
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

async function ingestOnce(libraryId: string, input: RemoteItem): Promise<RemoteItemResult> {
  const library = await assertLibrary(libraryId);
  const path = PREFIX + input.path;
  const now = new Date();
  const existing = await db.mediaFile.findUnique({ where: { path }, select: { id: true, libraryId: true, size: true, mtimeMs: true, itemId: true, status: true } });
  if (existing && existing.libraryId !== libraryId) throw new ApiError('conflict', 'This file belongs to another library.');
  if (existing && existing.itemId && Number(existing.size) === input.size && Number(existing.mtimeMs) === input.mtime_ms) {
    if (existing.status === 'ok') return { id: existing.itemId, file_id: existing.id, created: false, file: 'unchanged' };
    await db.mediaFile.update({ where: { id: existing.id }, data: { status: 'ok', missingSince: null } });
    await updatePresence(libraryId, now, [existing.itemId]);
    catalogChanged();
    return { id: existing.itemId, file_id: existing.id, created: false, file: 'restored' };
  }
  const probed = {
    mediaInfo: input.media_info ? (input.media_info as Prisma.InputJsonValue) : Prisma.DbNull,
    probeError: input.probe_error ?? null,
    probedAt: now,
  };
  if (!existing && input.head_tail_hash) {
    const vanished = await db.mediaFile.findFirst({
      where: { libraryId, origin: 'remote', status: 'missing', size: input.size, headTailHash: input.head_tail_hash, itemId: { not: null } },
      orderBy: { missingSince: 'desc' },
      select: { id: true, itemId: true },
    });
    // Guarded by `status: missing`: of two racing pushes of one move, one wins and the other adds nothing twice.
    const moved = vanished && (await db.mediaFile.updateMany({ where: { id: vanished.id, status: 'missing' }, data: { path, mtimeMs: input.mtime_ms, status: 'ok', missingSince: null, ...probed } }));
    if (vanished && moved && moved.count === 1) {
      await updatePresence(libraryId, now, [vanished.itemId!]);
      catalogChanged();
      return { id: vanished.itemId!, file_id: vanished.id, created: false, file: 'moved' };
    }
  }
  const identity = identifyPath(input.rel_path, library.type);
  if (identity.kind === 'unrecognized') throw new ApiError('validation_failed', `Not added: ${identity.reason}.`, { fields: [{ path: 'body.item.rel_path', message: identity.reason }] });
  const result = await db.$transaction(async (tx) => {
    const data = {
      libraryId,
      path,
      origin: 'remote',
      size: input.size,
      mtimeMs: input.mtime_ms,
      headTailHash: input.head_tail_hash ?? null,
      ...probed,
      status: 'ok' as const,
      missingSince: null,
    };
    const file = existing ? await tx.mediaFile.update({ where: { id: existing.id }, data }) : await tx.mediaFile.create({ data });
    const { created, itemId } = await attachFile(tx, libraryId, file.id, identity);
    return { id: itemId!, file_id: file.id, created: created || !existing, file: existing ? ('changed' as const) : ('added' as const) };
  });
  // A new file can bring a missing item back; a changed one can leave its old item with none.
  await updatePresence(libraryId, now, [...new Set([result.id, ...(existing?.itemId ? [existing.itemId] : [])])]);
  catalogChanged();
  return result;
}

/** The scanner no longer finds these files: missing, like a local scan's vanished files (their items too when they held nothing else). */
export async function markRemoteFilesMissing(libraryId: string, paths: string[]): Promise<z.infer<typeof remoteMissingResultSchema>> {
  await assertLibrary(libraryId);
  const keys = [...new Set(paths)].map((p) => PREFIX + p);
  const rows = await db.mediaFile.findMany({ where: { libraryId, origin: 'remote', path: { in: keys } }, select: { id: true, status: true, itemId: true } });
  const present = rows.filter((r) => r.status === 'ok');
  const now = new Date();
  if (present.length > 0) {
    await db.mediaFile.updateMany({ where: { id: { in: present.map((r) => r.id) }, status: 'ok' }, data: { status: 'missing', missingSince: now } });
    await updatePresence(libraryId, now, [...new Set(present.flatMap((r) => (r.itemId ? [r.itemId] : [])))]);
    catalogChanged();
  }
  return { missing: present.length, already_missing: rows.length - present.length, unknown: keys.length - rows.length };
}

export async function listRemoteFiles(libraryId: string): Promise<z.infer<typeof remoteFileSchema>[]> {
  await assertLibrary(libraryId);
  const rows = await db.mediaFile.findMany({
    where: { libraryId, origin: 'remote' },
    select: { path: true, size: true, mtimeMs: true, headTailHash: true, status: true },
    orderBy: { path: 'asc' },
  });
  return rows.map((r) => ({ path: r.path.slice(PREFIX.length), size: Number(r.size), mtime_ms: Number(r.mtimeMs), head_tail_hash: r.headTailHash, status: r.status }));
}
