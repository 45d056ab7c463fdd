// Writes one batch of probed files in one short transaction: new files in one insert, changed files
// one update each, their items, seasons and episodes found or created with a few queries per table,
// episode links replaced in two. A scan calls this every ~100 probes while probing goes on.
import { config } from '@/lib/config';
import { db, Prisma } from '@/lib/db';
import { Prisma as PgPrisma } from '@/lib/generated/prisma-pg';
import { linkEpisodes, placeIdentities } from './attach-file';
import { identifyPath, type Identity, type LibraryType } from './identity';
import type { WalkedFile } from './walk-library';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export type ProbeOutcome = { ok: true; info: unknown } | { ok: false; reason: string; message: string };

export interface ProbedFile {
  file: WalkedFile;
  /** The stored row of a changed file; null for a new one. */
  rowId: string | null;
  hash: string | null;
  outcome: ProbeOutcome;
}

export interface WrittenBatch {
  /** Items this batch created. */
  createdItemIds: string[];
  /** Every item a file of this batch now belongs to. */
  itemIds: string[];
  /** Per path: why the file is not (fully) in the library. */
  issues: Map<string, { reason: string; message: string }>;
}

/**
 * SQL NULL for a Json column. Each generated client checks `DbNull` against its own runtime's
 * class, and `Prisma` from lib/db is the SQLite client's: on PostgreSQL its `DbNull` is taken for
 * a plain object and stored as `{}`.
 */
function dbNull(): Prisma.NullTypes.DbNull {
  return config().db.provider === 'postgresql' ? (PgPrisma.DbNull as unknown as Prisma.NullTypes.DbNull) : Prisma.DbNull;
}

export async function writeProbedFiles(libraryId: string, libraryType: LibraryType, batch: ProbedFile[], probedAt: Date): Promise<WrittenBatch> {
  const issues = new Map<string, { reason: string; message: string }>();
  const identities = batch.map((p): Identity => {
    if (!p.outcome.ok) {
      issues.set(p.file.path, { reason: p.outcome.reason, message: p.outcome.message });
      return { kind: 'unrecognized', reason: p.outcome.reason };
    }
    const identity = identifyPath(p.file.relPath, libraryType);
    if (identity.kind === 'unrecognized') issues.set(p.file.path, { reason: 'unrecognized_name', message: `Not added: ${identity.reason}.` });
    return identity;
  });
  const noInfo = dbNull();
  const rowData = (p: ProbedFile, itemId: string | null) => ({
    libraryId,
    path: p.file.path,
    size: p.file.size,
    mtimeMs: p.file.mtimeMs,
    inode: p.file.inode,
    headTailHash: p.hash,
    mediaInfo: p.outcome.ok ? (p.outcome.info as Prisma.InputJsonValue) : noInfo,
    probeError: p.outcome.ok ? null : p.outcome.message,
    probedAt,
    status: 'ok' as const,
    missingSince: null,
    itemId,
  });

  const written = await db.$transaction(
    async (tx) => {
      const { placements, createdItemIds } = await placeIdentities(tx, libraryId, identities);
      const fresh = batch.flatMap((p, i) => (p.rowId ? [] : [{ p, placement: placements[i] }]));
      const fileIds = new Map<string, string>();
      if (fresh.length > 0) {
        const created = await tx.mediaFile.createManyAndReturn({ data: fresh.map(({ p, placement }) => rowData(p, placement.itemId)), select: { id: true, path: true } });
        for (const r of created) fileIds.set(r.path, r.id);
      }
      for (const [i, p] of batch.entries()) {
        if (p.rowId) await tx.mediaFile.update({ where: { id: p.rowId }, data: rowData(p, placements[i].itemId), select: { id: true } });
      }
      await linkEpisodes(
        tx,
        batch.map((p, i) => ({ fileId: p.rowId ?? fileIds.get(p.file.path)!, episodeIds: placements[i].episodeIds, fresh: !p.rowId })),
      );
      const itemIds = [...new Set(placements.flatMap((pl) => (pl.itemId ? [pl.itemId] : [])))];
      return { createdItemIds, itemIds, issues };
    },
    // Two scans (two libraries) share SQLite's one connection: the second may wait for the first's batch.
    { maxWait: 30_000, timeout: 60_000 },
  );
  catalogChanged();
  return written;
}
