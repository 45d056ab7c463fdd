// Restores an export (export-db.ts) into an empty database, in one transaction: it either all
// lands or nothing does. Read line by line in the exporter's layout, a batch of rows at a time.
// Files keep their paths and items their identity keys, so the next scan finds each file where the
// export says it was and keeps its item (and the watch state on it); files gone since are marked
// missing, as after any scan.
import type { Readable } from 'node:stream';
import { db } from '@/lib/db';
import { EXPORT_FORMAT, EXPORT_VERSION, newestMigration, type ExportCounts } from './export-db';
import { tablePlan, TABLE_POLICY, type TablePlan } from './export-tables';

const BATCH = 500;
const TABLES_OPEN = ',"tables":{';

export class ImportError extends Error {}

type Row = Record<string, unknown>;
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Delegate = { count(): Promise<number>; createMany(args: { data: Row[] }): Promise<unknown>; upsert(args: object): Promise<unknown> };

function fromJsonValue(field: TablePlan['fields'][number], value: unknown): unknown {
  // A null JSON column is left out, so it stays SQL NULL (Prisma.DbNull is one client's object,
  // and the PostgreSQL client would take the SQLite client's for a JSON value).
  if (value === null || value === undefined) return field.kind === 'json' ? undefined : null;
  if (field.kind === 'date') return new Date(value as string);
  if (field.kind === 'bigint') return BigInt(value as string);
  if (field.kind === 'bytes') return Buffer.from(value as string, 'base64');
  return value;
}

function readHeader(line: string | undefined): { version: number; schema: string } {
  if (!line?.startsWith(`{"format":"${EXPORT_FORMAT}"`) || !line.endsWith(TABLES_OPEN)) {
    throw new ImportError('not a Marquee export (it must start with {"format":"marquee-export",…)');
  }
  const header = JSON.parse(line.slice(0, -TABLES_OPEN.length) + '}') as { version?: unknown; schema?: unknown };
  if (typeof header.version !== 'number' || header.version > EXPORT_VERSION) {
    throw new ImportError(`this export is version ${String(header.version)}; this Marquee reads version ${EXPORT_VERSION} and older: update Marquee first`);
  }
  const schema = typeof header.schema === 'string' ? header.schema : '';
  if (schema > newestMigration()) {
    throw new ImportError(`this export comes from a newer database (${schema}) than this Marquee knows (${newestMigration()}): update Marquee first`);
  }
  return { version: header.version, schema };
}

class TableWriter {
  private batch: Row[] = [];
  count = 0;
  private readonly fields: Map<string, TablePlan['fields'][number]>;
  constructor(
    readonly plan: TablePlan,
    private readonly tx: Tx,
  ) {
    this.fields = new Map(plan.fields.map((f) => [f.name, f]));
  }
  private get delegate(): Delegate {
    return (this.tx as unknown as Record<string, Delegate>)[this.plan.delegate];
  }
  async add(raw: Row): Promise<void> {
    const row: Row = {};
    for (const [name, value] of Object.entries(raw)) {
      const field = this.fields.get(name);
      if (!field) throw new ImportError(`${this.plan.model}: unknown field "${name}"`);
      const converted = fromJsonValue(field, value);
      if (converted !== undefined) row[name] = converted;
    }
    this.batch.push(row);
    this.count++;
    if (this.batch.length >= BATCH) await this.flush();
  }
  async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    if (rows.length === 0) return;
    if (this.plan.model === 'Setting') {
      // The app writes a few settings of its own at start: the export's values win.
      for (const row of rows) await this.delegate.upsert({ where: { key: row.key }, create: row, update: row });
    } else {
      await this.delegate.createMany({ data: rows });
    }
  }
}

async function assertEmpty(tx: Tx, plans: TablePlan[]): Promise<void> {
  for (const plan of plans) {
    if (plan.model === 'Setting') continue;
    const n = await (tx as unknown as Record<string, Delegate>)[plan.delegate].count();
    if (n > 0) throw new ImportError(`the database is not empty (${plan.model} has ${n} rows): import into a new DATA_DIR or DATABASE_URL`);
  }
}

/**
 * Lines, read only as fast as they are used (readline's iterator reads ahead without bound,
 * holding the whole file in memory while the rows are inserted).
 */
async function* readLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      yield rest.slice(start, nl).replace(/\r$/, '');
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield rest;
}

/** Imports an export read from `input`; answers the row count per table. */
export async function importExport(input: Readable): Promise<ExportCounts> {
  const plans = new Map(tablePlan().map((p) => [p.model, p]));
  const lines = readLines(input);
  const next = async () => {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  };
  readHeader(await next());
  return db.$transaction(
    async (tx) => {
      await assertEmpty(tx, [...plans.values()]);
      const counts: ExportCounts = {};
      let table: TableWriter | undefined;
      let ended = false;
      for (let line = await next(); line !== undefined; line = await next()) {
        if (line === '') continue;
        if (ended) throw new ImportError('text after the end of the export');
        const start = /^"(\w+)":\[$/.exec(line);
        if (start && !table) {
          const plan = plans.get(start[1]);
          if (!plan) {
            const policy = TABLE_POLICY[start[1]];
            throw new ImportError(policy ? `${start[1]} is never imported (${policy.reason ?? 'not kept'})` : `unknown table "${start[1]}"`);
          }
          table = new TableWriter(plan, tx);
        } else if (/^\],?$/.test(line) && table) {
          await table.flush();
          counts[table.plan.model] = table.count;
          table = undefined;
        } else if (line === '}}' && !table) {
          ended = true;
        } else if (table) {
          const text = line.endsWith(',') ? line.slice(0, -1) : line;
          let row: unknown;
          try {
            row = JSON.parse(text);
          } catch {
            throw new ImportError(`${table.plan.model}: row ${table.count + 1} is not valid JSON`);
          }
          if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ImportError(`${table.plan.model}: row ${table.count + 1} is not an object`);
          await table.add(row as Row);
        } else {
          throw new ImportError(`unexpected line: ${line.slice(0, 80)}`);
        }
      }
      if (!ended) throw new ImportError('the export is cut short (no closing "}}"): nothing was imported');
      return counts;
    },
    { timeout: 60 * 60 * 1000, maxWait: 60_000 },
  );
}
