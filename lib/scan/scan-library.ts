// One library scan: walk (stat only) → plan against stored files → follow moves, mark vanished
// files missing → probe new and changed files in parallel, and meanwhile parse names and attach
// them to items in short batched transactions → update presence and per-file issues. Unchanged
// files cost one stat.
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { db } from '@/lib/db';
import { planScan, type StoredFile } from './plan-scan';
import { probeAndWrite } from './probe-pipeline';
import { removeFiles } from './remove-files';
import { updatePresence } from './update-presence';
import { insideAny, walkFolders } from './walk-folders';
import { isVideoFile, type WalkedFile } from './walk-library';
import { writeProbedFiles, type ProbeOutcome } from './write-probed';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export type { ProbeOutcome };

export interface ScanDeps {
  probe(path: string, signal?: AbortSignal): Promise<ProbeOutcome>;
  hash(path: string): Promise<string>;
  skipDirs: string[];
  concurrency?: number;
}

export interface ScanOptions {
  force?: boolean;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => Promise<void> | void;
}

export interface ScanResult {
  files: number;
  unchanged: number;
  probed: number;
  added: number;
  changed: number;
  moved: number;
  vanished: number;
  /** Files of folders no longer in the library (and not moved into one): forgotten, with items only they held. */
  removed: number;
  items_created: number;
  issues: number;
  /** Items created, or whose files were added, changed or moved: what local metadata should look at again. */
  touched_item_ids: string[];
}

/** Moved files are updated this many per transaction. */
const MOVE_BATCH = 100;

function toStored(r: { id: string; path: string; size: bigint; mtimeMs: bigint; inode: string | null; headTailHash: string | null; status: 'ok' | 'missing'; probedAt: Date | null }): StoredFile {
  return { id: r.id, path: r.path, size: Number(r.size), mtimeMs: Number(r.mtimeMs), inode: r.inode, headTailHash: r.headTailHash, status: r.status, probed: r.probedAt !== null };
}

export async function scanLibrary(libraryId: string, opts: ScanOptions, deps: ScanDeps): Promise<ScanResult> {
  const library = await db.library.findUniqueOrThrow({ where: { id: libraryId }, include: { folders: { select: { path: true }, orderBy: { path: 'asc' } } } });
  await db.library.update({ where: { id: libraryId }, data: { scanStatus: 'scanning' } });
  catalogChanged();
  try {
    await opts.progress?.(0, library.folders.length > 1 ? `walking ${library.folders.length} folders` : 'walking the folder');
    const walked = await walkFolders(library.folders.map((f) => f.path), { isMediaFile: isVideoFile, skipDirs: deps.skipDirs, signal: opts.signal });
    const rows = await db.mediaFile.findMany({
      where: { libraryId, origin: 'local' },
      select: { id: true, path: true, size: true, mtimeMs: true, inode: true, headTailHash: true, status: true, probedAt: true },
    });
    const judged = rows.filter((r) => !insideAny(walked.unreachable, r.path));
    const plan = planScan(walked.files, judged.map(toStored), { force: opts.force });
    const now = new Date();

    // A file copied or moved across filesystems has a new inode: recognise it by size + head/tail hash.
    const vanishedBySize = new Map<number, StoredFile[]>();
    for (const r of plan.vanished) if (r.headTailHash) vanishedBySize.set(r.size, [...(vanishedBySize.get(r.size) ?? []), r]);
    const added: { file: WalkedFile; hash: string | null }[] = [];
    for (const file of plan.added) {
      const candidates = vanishedBySize.get(file.size);
      const hash = candidates ? await deps.hash(file.path).catch(() => null) : null;
      const match = hash ? candidates!.find((r) => r.headTailHash === hash) : undefined;
      if (match) {
        vanishedBySize.set(file.size, candidates!.filter((r) => r !== match));
        plan.vanished = plan.vanished.filter((r) => r !== match);
        plan.moved.push({ row: match, file });
      } else added.push({ file, hash });
    }
    // Files under a folder the library no longer has, and not found again elsewhere in it, leave for good.
    const folders = library.folders.map((f) => f.path);
    const dropped = plan.vanished.filter((r) => !insideAny(folders, r.path));
    plan.vanished = plan.vanished.filter((r) => insideAny(folders, r.path));
    const removed = dropped.length > 0 ? (await removeFiles(dropped.map((r) => r.id))).files : 0;

    for (let start = 0; start < plan.moved.length; start += MOVE_BATCH) {
      opts.signal?.throwIfAborted();
      await db.$transaction(
        plan.moved.slice(start, start + MOVE_BATCH).map(({ row, file }) =>
          db.mediaFile.update({
            where: { id: row.id },
            data: { path: file.path, size: file.size, mtimeMs: file.mtimeMs, inode: file.inode, status: 'ok', missingSince: null },
            select: { id: true },
          }),
        ),
      );
      await nextTurn();
    }
    const reappeared = plan.unchanged.filter((u) => u.row.status === 'missing').map((u) => u.row.id);
    if (reappeared.length > 0) await db.mediaFile.updateMany({ where: { id: { in: reappeared } }, data: { status: 'ok', missingSince: null } });
    if (plan.vanished.length > 0) await db.mediaFile.updateMany({ where: { id: { in: plan.vanished.map((r) => r.id) }, status: 'ok' }, data: { status: 'missing', missingSince: now } });
    if (plan.moved.length + reappeared.length + plan.vanished.length > 0) catalogChanged();

    const issues = new Map<string, { reason: string; message: string }>();
    for (const i of walked.issues) issues.set(i.path, { reason: i.reason, message: i.message });
    const touched = new Set<string>();
    if (plan.moved.length > 0) {
      const movedRows = await db.mediaFile.findMany({ where: { id: { in: plan.moved.map((m) => m.row.id) }, itemId: { not: null } }, select: { itemId: true } });
      for (const r of movedRows) touched.add(r.itemId!);
    }

    // Probe what is new or changed, in parallel (ffprobe's cost is mostly process start-up), and
    // write the results in batches while probing goes on.
    const toProbe = [...plan.changed.map((c) => ({ file: c.file, rowId: c.row.id as string | null, hash: null as string | null })), ...added.map((a) => ({ file: a.file, rowId: null, hash: a.hash }))];
    let itemsCreated = 0;
    await probeAndWrite(toProbe, {
      concurrency: deps.concurrency ?? availableParallelism(),
      signal: opts.signal,
      async probe(t) {
        const [outcome, hash] = await Promise.all([deps.probe(t.file.path, opts.signal), t.hash ? Promise.resolve(t.hash) : deps.hash(t.file.path).catch(() => null)]);
        return { ...t, outcome, hash };
      },
      async probed(done, total) {
        if (done % 10 === 0 || done === total) await opts.progress?.(0.05 + 0.85 * (done / total), `probed ${done} of ${total} files`);
      },
      async write(batch) {
        const written = await writeProbedFiles(libraryId, library.type, batch, now);
        itemsCreated += written.createdItemIds.length;
        for (const id of written.itemIds) touched.add(id);
        for (const [path, issue] of written.issues) issues.set(path, issue);
      },
    });

    // Files whose problem was an earlier probe and that were not probed now keep their issue.
    const keep = await db.mediaFile.findMany({ where: { libraryId, origin: 'local', status: 'ok', probeError: { not: null } }, select: { path: true, probeError: true } });
    for (const k of keep) if (!issues.has(k.path)) issues.set(k.path, { reason: 'not_media', message: k.probeError! });
    await db.$transaction([
      db.scanIssue.deleteMany({ where: { libraryId } }),
      db.scanIssue.createMany({ data: [...issues].map(([path, i]) => ({ libraryId, path, reason: i.reason, message: i.message })) }),
    ]);
    await updatePresence(libraryId, now);
    await db.library.update({ where: { id: libraryId }, data: { scanStatus: 'idle', lastScanAt: new Date() } });
    catalogChanged();
    await opts.progress?.(1, 'done');
    return {
      files: walked.files.length,
      unchanged: plan.unchanged.length,
      probed: toProbe.length,
      added: added.length,
      changed: plan.changed.length,
      moved: plan.moved.length,
      vanished: plan.vanished.length,
      removed,
      items_created: itemsCreated,
      issues: issues.size,
      touched_item_ids: [...touched],
    };
  } catch (err) {
    await db.library.update({ where: { id: libraryId }, data: { scanStatus: 'error' } }).catch(() => undefined);
    catalogChanged();
    throw err;
  }
}
