// `npm run export` and `npm run import`: what the scripts run, so they need no database access of
// their own.
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigOrExit } from '@/lib/config';
import { disconnectDb } from '@/lib/db';
import { migrate } from '@/lib/migrate';
import { exportToFile, runBackup } from './backup-files';
import { importExport, ImportError } from './import-db';

const USAGE_EXPORT = 'usage: npm run export [-- --out FILE]   (without --out: into DATA_DIR/exports, keeping EXPORT_KEEP files)';
const USAGE_IMPORT = 'usage: npm run import -- FILE   (into an empty database: a new DATA_DIR or DATABASE_URL)';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i === -1) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
}

async function withDb(fn: () => Promise<void>): Promise<number> {
  const c = loadConfigOrExit();
  try {
    await migrate(c.db);
    await fn();
    return 0;
  } catch (err) {
    console.error(`[marquee] ${err instanceof ImportError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  } finally {
    await disconnectDb();
  }
}

export async function exportCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) return (console.log(USAGE_EXPORT), 0);
  const out = flag(argv, '--out');
  if (argv.includes('--out') && !out) return (console.error(USAGE_EXPORT), 2);
  return withDb(async () => {
    const started = Date.now();
    if (out) {
      const counts = await exportToFile(resolve(out));
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`[marquee] exported ${rows} rows from ${Object.keys(counts).length} tables to ${resolve(out)} in ${Date.now() - started} ms`);
    } else {
      const run = await runBackup('command');
      console.log(`[marquee] exported ${run.rows} rows to ${run.file} (${run.size} bytes) in ${Date.now() - started} ms`);
    }
  });
}

export async function importCommand(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file || argv.includes('--help')) return (console.error(USAGE_IMPORT), file ? 0 : 2);
  if (!existsSync(file)) return (console.error(`[marquee] ${file}: no such file`), 1);
  return withDb(async () => {
    const started = Date.now();
    const counts = await importExport(createReadStream(resolve(file)));
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`[marquee] imported ${rows} rows into ${Object.keys(counts).length} tables in ${Date.now() - started} ms`);
    for (const [table, n] of Object.entries(counts)) if (n > 0) console.log(`  ${table}: ${n}`);
  });
}
