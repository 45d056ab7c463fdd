// Writes the whole database (what export-tables.ts keeps) as one versioned JSON document, streamed
// a page of rows at a time, so a large database never sits in memory.
//
// Layout (the importer reads it line by line; it is still one valid JSON document):
//   {"format":"marquee-export","version":1,"exported_at":"…","schema":"<newest migration>","tables":{
//   "User":[
//   {…row…},
//   {…row…}
//   ],
//   "Library":[
//   ]
//   }}
// Values: dates as ISO 8601, 64-bit integers as strings, JSON columns as JSON, bytes as base64.
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { db } from '@/lib/db';
import { config } from '@/lib/config';
import { migrationsDir } from '@/lib/migrate';
import { tablePlan, type TablePlan } from './export-tables';

export const EXPORT_FORMAT = 'marquee-export';
export const EXPORT_VERSION = 1;
const PAGE = 500;

export interface ExportCounts {
  [model: string]: number;
}

type Row = Record<string, unknown>;
type Delegate = { findMany(args: object): Promise<Row[]> };

export function newestMigration(): string {
  return readdirSync(migrationsDir(config().db.provider)).sort().at(-1) ?? '';
}

function toJsonValue(kind: TablePlan['fields'][number]['kind'], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'date') return (value as Date).toISOString();
  if (kind === 'bigint') return String(value);
  if (kind === 'bytes') return Buffer.from(value as Uint8Array).toString('base64');
  return value;
}

export function serializeRow(plan: TablePlan, row: Row): string {
  const out: Row = {};
  for (const f of plan.fields) out[f.name] = toJsonValue(f.kind, row[f.name]);
  return JSON.stringify(out);
}

/** Every row of one table, in primary-key order, a page at a time. */
export async function* tableRows(plan: TablePlan): AsyncGenerator<Row> {
  const delegate = (db as unknown as Record<string, Delegate>)[plan.delegate];
  const select = Object.fromEntries(plan.fields.map((f) => [f.name, true]));
  const orderBy = plan.key.map((k) => ({ [k]: 'asc' }));
  let last: Row | undefined;
  for (;;) {
    const cursor = !last
      ? undefined
      : plan.key.length === 1
        ? { [plan.key[0]]: last[plan.key[0]] }
        : { [plan.key.join('_')]: Object.fromEntries(plan.key.map((k) => [k, last![k]])) };
    const rows = await delegate.findMany({ select, orderBy, take: PAGE, ...(cursor ? { cursor, skip: 1 } : {}) });
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    last = rows.at(-1);
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Streams the export into `out` (which it does not end); answers the row count per table. */
export async function writeExport(out: Writable, now = new Date()): Promise<ExportCounts> {
  const counts: ExportCounts = {};
  const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported_at: now.toISOString(), schema: newestMigration() };
  await write(out, `${JSON.stringify(header).slice(0, -1)},"tables":{\n`);
  const plans = tablePlan();
  for (const [i, plan] of plans.entries()) {
    await write(out, `${JSON.stringify(plan.model)}:[\n`);
    let n = 0;
    for await (const row of tableRows(plan)) {
      if (plan.skipRow?.(row)) continue;
      await write(out, `${n > 0 ? ',\n' : ''}${serializeRow(plan, row)}`);
      n++;
    }
    counts[plan.model] = n;
    await write(out, `${n > 0 ? '\n' : ''}]${i < plans.length - 1 ? ',' : ''}\n`);
  }
  await write(out, '}}\n');
  return counts;
}
