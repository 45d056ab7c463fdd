// One measured run, in its own process so its peak memory is its own: `export FILE`, `import FILE`
// (Marquee's streamed commands), or the in-memory baselines `naive-export FILE` / `naive-import FILE`
// (every table read whole and JSON.stringify'd at once; JSON.parse'd whole and inserted). Prints
// one JSON line: {ms, maxRssMb}.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportCommand, importCommand } from '../../lib/backup/backup-cli';

const [mode, file] = process.argv.slice(2);
const started = Date.now();

async function naive(direction: 'export' | 'import') {
  const { db, disconnectDb } = await import('../../lib/db');
  const { migrate } = await import('../../lib/migrate');
  const { config } = await import('../../lib/config');
  const { tablePlan } = await import('../../lib/backup/export-tables');
  await migrate(config().db);
  const plans = tablePlan();
  const delegates = db as unknown as Record<string, { findMany(a: object): Promise<Record<string, unknown>[]>; createMany(a: { data: unknown[] }): Promise<unknown> }>;
  if (direction === 'export') {
    const tables: Record<string, unknown[]> = {};
    for (const p of plans) tables[p.model] = await delegates[p.delegate].findMany({ select: Object.fromEntries(p.fields.map((f) => [f.name, true])) });
    writeFileSync(file, JSON.stringify({ tables }, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  } else {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
    for (const p of plans) {
      const rows = (doc.tables[p.model] ?? []).map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([, v]) => v !== null)
            .map(([k, v]) => {
              const f = p.fields.find((x) => x.name === k);
              return [k, f?.kind === 'date' ? new Date(v as string) : f?.kind === 'bigint' ? BigInt(v as string) : v];
            }),
        ),
      );
      for (let i = 0; i < rows.length; i += 500) await delegates[p.delegate].createMany({ data: rows.slice(i, i + 500) });
    }
  }
  await disconnectDb();
  return 0;
}

const code =
  mode === 'export' ? await exportCommand(['--out', file]) : mode === 'import' ? await importCommand([file]) : await naive(mode === 'naive-export' ? 'export' : 'import');
console.log(JSON.stringify({ code, ms: Date.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(code);
