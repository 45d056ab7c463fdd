// One library scan: walk (stat only) → plan against stored files → follow moves, mark vanished
// files missing → probe new and changed files in parallel → parse names → attach to items in
// batched transactions → update presence and per-file issues. Unchanged files cost one stat.
import { availableParallelism } from 'node:os';
import { db, Prisma } from '@/lib/db';
import { identify } from './identity';
import { attachFile } from './attach-file';
import { parseMediaPath } from './parse-name';
import { planScan, type StoredFile } from './plan-scan';
import { updatePresence } from './update-presence';
import { isVideoFile, walkLibrary, type WalkedFile } from './walk-library';

export type ProbeOutcome = { ok: true; info: unknown } | { ok: false; reason: string; message: string };

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
  items_created: number;
  issues: number;
  /** Items created, or whose files were added, changed or moved: what local metadata should look at again. */
  touched_item_ids: string[];
}

const WRITE_BATCH = 100;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

function toStored(r: { id: string; path: string; size: bigint; mtimeMs: bigint; inode: string | null; headTailHash: string | null; status: 'ok' | 'missing'; probedAt: Date | null }): StoredFile {
  return { id: r.id, path: r.path, size: Number(r.size), mtimeMs: Number(r.mtimeMs), inode: r.inode, headTailHash: r.headTailHash, status: r.status, probed: r.probedAt !== null };
}

export async function scanLibrary(libraryId: string, opts: ScanOptions, deps: ScanDeps): Promise<ScanResult> {
  const library = await db.library.findUniqueOrThrow({ where: { id: libraryId } });
  await db.library.update({ where: { id: libraryId }, data: { scanStatus: 'scanning' } });
  try {
    await opts.progress?.(0, 'walking the folder');
    const walked = await walkLibrary(library.path, { isMediaFile: isVideoFile, skipDirs: deps.skipDirs, signal: opts.signal });
    const rows = await db.mediaFile.findMany({
      where: { libraryId, origin: 'local' },
      select: { id: true, path: true, size: true, mtimeMs: true, inode: true, headTailHash: true, status: true, probedAt: true },
    });
    const plan = planScan(walked.files, rows.map(toStored), { force: opts.force });
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

    for (const { row, file } of plan.moved) {
      await db.mediaFile.update({
        where: { id: row.id },
        data: { path: file.path, size: file.size, mtimeMs: file.mtimeMs, inode: file.inode, status: 'ok', missingSince: null },
      });
    }
    const reappeared = plan.unchanged.filter((u) => u.row.status === 'missing').map((u) => u.row.id);
    await db.mediaFile.updateMany({ where: { id: { in: reappeared } }, data: { status: 'ok', missingSince: null } });
    await db.mediaFile.updateMany({ where: { id: { in: plan.vanished.map((r) => r.id) }, status: 'ok' }, data: { status: 'missing', missingSince: now } });

    // Probe what is new or changed, in parallel (ffprobe's cost is mostly process start-up).
    const toProbe = [...plan.changed.map((c) => ({ file: c.file, rowId: c.row.id as string | null, hash: null as string | null })), ...added.map((a) => ({ file: a.file, rowId: null, hash: a.hash }))];
    let done = 0;
    const probed = await mapLimit(toProbe, deps.concurrency ?? availableParallelism(), async (t) => {
      opts.signal?.throwIfAborted();
      const [outcome, hash] = await Promise.all([deps.probe(t.file.path, opts.signal), t.hash ? Promise.resolve(t.hash) : deps.hash(t.file.path).catch(() => null)]);
      done++;
      if (done % 10 === 0 || done === toProbe.length) await opts.progress?.(0.05 + 0.85 * (done / toProbe.length), `probed ${done} of ${toProbe.length} files`);
      return { ...t, outcome, hash };
    });

    const issues = new Map<string, { reason: string; message: string }>();
    for (const i of walked.issues) issues.set(i.path, { reason: i.reason, message: i.message });
    let itemsCreated = 0;
    const touched = new Set<string>();
    const movedRows = await db.mediaFile.findMany({ where: { id: { in: plan.moved.map((m) => m.row.id) }, itemId: { not: null } }, select: { itemId: true } });
    for (const r of movedRows) touched.add(r.itemId!);
    for (let start = 0; start < probed.length; start += WRITE_BATCH) {
      const batch = probed.slice(start, start + WRITE_BATCH);
      await db.$transaction(
        async (tx) => {
          for (const p of batch) {
            const data = {
              libraryId,
              path: p.file.path,
              size: p.file.size,
              mtimeMs: p.file.mtimeMs,
              inode: p.file.inode,
              headTailHash: p.hash,
              mediaInfo: p.outcome.ok ? (p.outcome.info as Prisma.InputJsonValue) : Prisma.DbNull,
              probeError: p.outcome.ok ? null : p.outcome.message,
              probedAt: now,
              status: 'ok' as const,
              missingSince: null,
            };
            const row = p.rowId ? await tx.mediaFile.update({ where: { id: p.rowId }, data, select: { id: true } }) : await tx.mediaFile.create({ data, select: { id: true } });
            if (!p.outcome.ok) {
              issues.set(p.file.path, { reason: p.outcome.reason, message: p.outcome.message });
              await attachFile(tx, libraryId, row.id, { kind: 'unrecognized', reason: p.outcome.reason });
              continue;
            }
            const identity = identify(parseMediaPath(p.file.relPath, library.type), library.type, p.file.relPath);
            if (identity.kind === 'unrecognized') issues.set(p.file.path, { reason: 'unrecognized_name', message: `Not added: ${identity.reason}.` });
            const attached = await attachFile(tx, libraryId, row.id, identity);
            if (attached.created) itemsCreated++;
            if (attached.itemId) touched.add(attached.itemId);
          }
        },
        { timeout: 60_000 },
      );
    }

    // Files whose problem was an earlier probe and that were not probed now keep their issue.
    const keep = await db.mediaFile.findMany({ where: { libraryId, origin: 'local', status: 'ok', probeError: { not: null } }, select: { path: true, probeError: true } });
    for (const k of keep) if (!issues.has(k.path)) issues.set(k.path, { reason: 'not_media', message: k.probeError! });
    await db.$transaction([
      db.scanIssue.deleteMany({ where: { libraryId } }),
      db.scanIssue.createMany({ data: [...issues].map(([path, i]) => ({ libraryId, path, reason: i.reason, message: i.message })) }),
    ]);
    await updatePresence(libraryId, now);
    await db.library.update({ where: { id: libraryId }, data: { scanStatus: 'idle', lastScanAt: new Date() } });
    await opts.progress?.(1, 'done');
    return {
      files: walked.files.length,
      unchanged: plan.unchanged.length,
      probed: toProbe.length,
      added: added.length,
      changed: plan.changed.length,
      moved: plan.moved.length,
      vanished: plan.vanished.length,
      items_created: itemsCreated,
      issues: issues.size,
      touched_item_ids: [...touched],
    };
  } catch (err) {
    await db.library.update({ where: { id: libraryId }, data: { scanStatus: 'error' } }).catch(() => undefined);
    throw err;
  }
}
