// Decides what a scan must do, from what is on disk and what is stored — pure, no IO.
// Unchanged files (same path, size, mtime and inode) are never probed again.
import type { WalkedFile } from './walk-library';

export interface StoredFile {
  id: string;
  path: string;
  size: number;
  mtimeMs: number;
  inode: string | null;
  headTailHash: string | null;
  status: 'ok' | 'missing';
  probed: boolean;
}

export interface ScanPlan {
  unchanged: { row: StoredFile; file: WalkedFile }[];
  /** Same path, different content: probe again, keep the row (and its item). */
  changed: { row: StoredFile; file: WalkedFile }[];
  /** A stored file found at another path (same inode and size): update the path, no probe. */
  moved: { row: StoredFile; file: WalkedFile }[];
  /** New paths: hash-matched against `vanished` rows of the same size before probing. */
  added: WalkedFile[];
  /** Stored files no longer on disk. */
  vanished: StoredFile[];
}

export function planScan(onDisk: WalkedFile[], stored: StoredFile[], { force = false } = {}): ScanPlan {
  const byPath = new Map(stored.map((r) => [r.path, r]));
  const plan: ScanPlan = { unchanged: [], changed: [], moved: [], added: [], vanished: [] };
  const seen = new Set<string>();
  const fresh: WalkedFile[] = [];
  for (const file of onDisk) {
    const row = byPath.get(file.path);
    if (!row) {
      fresh.push(file);
      continue;
    }
    seen.add(row.id);
    const same = row.size === file.size && row.mtimeMs === file.mtimeMs && (row.inode === null || row.inode === file.inode);
    (same && row.probed && !force ? plan.unchanged : plan.changed).push({ row, file });
  }
  const gone = stored.filter((r) => !seen.has(r.id));
  const goneByInode = new Map(gone.filter((r) => r.inode).map((r) => [`${r.inode}|${r.size}`, r]));
  const claimed = new Set<string>();
  for (const file of fresh) {
    const row = goneByInode.get(`${file.inode}|${file.size}`);
    if (row && !claimed.has(row.id)) {
      claimed.add(row.id);
      plan.moved.push({ row, file });
    } else plan.added.push(file);
  }
  plan.vanished = gone.filter((r) => !claimed.has(r.id));
  return plan;
}
