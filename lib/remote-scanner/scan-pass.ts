// One pass of the remote scanner: walk the folder (stat only), compare with what the server has
// under it, report the files that are gone (missing), then push new, changed and returned files
// (probed and hashed here). Gone files go first, so a file that moved is missing on the server
// when its new path arrives, and the server recognises it by size and head/tail hash.
// A pass cut short (a crash, a lost connection) is simply run again: every call is idempotent,
// and the comparison skips what the server already has.
import { insideAny, walkFolders } from '@/lib/scan/walk-folders';
import { isVideoFile, type WalkedFile } from '@/lib/scan/walk-library';
import type { ScannerApi } from './scanner-api';

export interface ServerFile {
  path: string;
  size: number;
  mtime_ms: number;
  head_tail_hash: string | null;
  status: 'ok' | 'missing';
}

export interface ScanPassDeps {
  api: ScannerApi;
  probe(path: string): Promise<{ media_info: unknown; probe_error: string | null }>;
  hash(path: string): Promise<string | null>;
  log: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

export interface ScanPassOptions {
  root: string;
  libraryId: string;
  concurrency: number;
}

export interface ScanPassCounts {
  files: number;
  added: number;
  changed: number;
  moved: number;
  restored: number;
  unchanged: number;
  missing: number;
  skipped: number;
  failed: number;
}

/** A refusal no retry can fix (revoked key, deleted library): the scanner stops. */
export class ScannerRefused extends Error {}

const MISSING_BATCH = 500;

export function describeCounts(c: ScanPassCounts): string {
  return `${c.files} files: ${c.added} added, ${c.changed} changed, ${c.moved} moved, ${c.restored} restored, ${c.unchanged} unchanged, ${c.missing} missing, ${c.skipped} skipped, ${c.failed} failed`;
}

export async function runScanPass(opts: ScanPassOptions, deps: ScanPassDeps): Promise<ScanPassCounts> {
  const base = `/api/v1/library/${encodeURIComponent(opts.libraryId)}`;
  const refused = (what: string, res: { status: number; body: any }) =>
    new ScannerRefused(`the server refused ${what} (${res.status}): ${res.body?.error?.message ?? 'no message'}`);

  const walked = await walkFolders([opts.root], { isMediaFile: isVideoFile });
  for (const i of walked.issues) deps.log.warn(`[scanner] ${i.path}: ${i.message}`);
  const known = await deps.api.call('GET', `${base}/files`);
  if (known.status !== 200) throw refused('the file list', known);
  const mine = (known.body as ServerFile[]).filter((f) => insideAny([opts.root], f.path));
  const have = new Map(mine.map((f) => [f.path, f]));
  const counts: ScanPassCounts = { files: walked.files.length, added: 0, changed: 0, moved: 0, restored: 0, unchanged: 0, missing: 0, skipped: 0, failed: 0 };

  // Files in a folder that could not be read now are not judged gone.
  const unreadable = walked.issues.filter((i) => i.reason === 'unreadable').map((i) => i.path);
  const found = new Set(walked.files.map((f) => f.path));
  const gone = mine.filter((f) => f.status === 'ok' && !found.has(f.path) && !insideAny(unreadable, f.path)).map((f) => f.path);
  for (let start = 0; start < gone.length; start += MISSING_BATCH) {
    const res = await deps.api.call('POST', `${base}/files/missing`, { paths: gone.slice(start, start + MISSING_BATCH) });
    if (res.status !== 200) throw refused('the missing files', res);
    counts.missing += res.body.missing;
  }

  const toPush: WalkedFile[] = [];
  for (const f of walked.files) {
    const prior = have.get(f.path);
    if (prior && prior.status === 'ok' && prior.size === f.size && prior.mtime_ms === f.mtimeMs) counts.unchanged++;
    else toPush.push(f);
  }
  let next = 0;
  const worker = async () => {
    while (next < toPush.length) {
      const f = toPush[next++];
      const [probed, hash] = await Promise.all([deps.probe(f.path), deps.hash(f.path)]);
      const item = { path: f.path, rel_path: f.relPath, size: f.size, mtime_ms: f.mtimeMs, head_tail_hash: hash, ...probed };
      const res = await deps.api.call('POST', `${base}/media`, { item });
      if (res.status === 201) counts[res.body.file as 'added' | 'changed' | 'moved' | 'restored' | 'unchanged']++;
      else if (res.status === 400) {
        counts.skipped++;
        deps.log.warn(`[scanner] skipped ${f.relPath}: ${res.body?.error?.message}`);
      } else if (res.status === 401 || res.status === 403 || res.status === 404) {
        throw refused(f.relPath, res);
      } else {
        counts.failed++;
        deps.log.error(`[scanner] ${f.relPath}: ${res.status} ${res.body?.error?.message ?? ''}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return counts;
}
