// The export files in DATA_DIR/exports: writing one (to a temporary name, renamed when complete),
// keeping the newest EXPORT_KEEP, listing them, and the outcome of the last run (for the admin page
// and health).
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { writeExport, type ExportCounts } from './export-db';
import { readLastBackupSetting } from './reads/last-backup';

/** The only names served or deleted: what `exportToFile` writes. */
export const EXPORT_FILE = /^marquee-export-\d{8}-\d{6}\.json$/;
const LAST_KEY = 'backup.last';

export const backupRunSchema = z.object({
  at: z.string().describe('When the run ended'),
  reason: z.enum(['manual', 'scheduled', 'command']),
  ok: z.boolean(),
  file: z.string().nullable(),
  size: z.number().nullable(),
  rows: z.number().nullable().describe('Rows written, all tables'),
  error: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

export const backupFileSchema = z.object({ name: z.string(), size: z.number(), created_at: z.string() });

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Writes an export to `file` (through `file.partial`, so a cut-short run never looks complete). */
export async function exportToFile(file: string, now = new Date()): Promise<ExportCounts> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    const counts = await writeExport(out, now);
    out.end();
    await finished(out);
    await rename(partial, file);
    return counts;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

export async function listBackups(): Promise<z.infer<typeof backupFileSchema>[]> {
  const dir = config().backup.dir;
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
  const files = await Promise.all(
    names.filter((n) => EXPORT_FILE.test(n)).map(async (name) => {
      const s = await stat(join(dir, name));
      return { name, size: s.size, created_at: s.mtime.toISOString() };
    }),
  );
  return files.sort((a, b) => b.name.localeCompare(a.name));
}

/** Runs one export into DATA_DIR/exports, keeps the newest EXPORT_KEEP, and records the outcome. */
export async function runBackup(reason: BackupRun['reason'], now = new Date()): Promise<BackupRun> {
  const { dir, keep } = config().backup;
  const name = `marquee-export-${stamp(now)}.json`;
  try {
    await mkdir(dir, { recursive: true });
    const counts = await exportToFile(join(dir, name), now);
    const size = (await stat(join(dir, name))).size;
    for (const old of (await listBackups()).slice(keep)) await rm(join(dir, old.name), { force: true });
    const run: BackupRun = { at: new Date().toISOString(), reason, ok: true, file: name, size, rows: Object.values(counts).reduce((a, b) => a + b, 0), error: null };
    await putSetting(LAST_KEY, run);
    return run;
  } catch (err) {
    const run: BackupRun = { at: new Date().toISOString(), reason, ok: false, file: null, size: null, rows: null, error: err instanceof Error ? err.message : String(err) };
    await putSetting(LAST_KEY, run).catch(() => undefined);
    throw Object.assign(err instanceof Error ? err : new Error(String(err)), { backupRun: run });
  }
}

async function putSetting(key: string, value: BackupRun): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function lastBackup(): Promise<BackupRun | null> {
  const parsed = backupRunSchema.safeParse(await readLastBackupSetting(LAST_KEY));
  return parsed.success ? parsed.data : null;
}
