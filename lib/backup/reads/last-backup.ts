// The stored outcome of the last export (the `backup.last` setting): read by /api/health on every
// poll, so raw, past Prisma (lib/db.ts).
import { queryRows, sql } from '@/lib/db';

/** The setting's JSON value: text on SQLite, already parsed on PostgreSQL; undefined when unset. */
export async function readLastBackupSetting(key: string): Promise<unknown> {
  const [row] = await queryRows<{ value: unknown }>(sql`SELECT "value" FROM "Setting" WHERE "key" = ${key}`);
  return typeof row?.value === 'string' ? (JSON.parse(row.value) as unknown) : row?.value;
}
