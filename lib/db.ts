// The one Prisma client: SQLite (WAL, in DATA_DIR) by default, PostgreSQL when DATABASE_URL says so.
// Secrets (password hashes, token and key hashes) are omitted from every query unless asked for.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/prisma-sqlite';
import { PrismaClient as PgClient } from './generated/prisma-pg';
import { config, type Config } from './config';

export { Prisma } from './generated/prisma-sqlite';
export type { Role, ApiKeyScope, LibraryType, JobStatus, User, Job } from './generated/prisma-sqlite';

const omit = {
  user: { passwordHash: true },
  apiSession: { tokenHash: true },
  apiKey: { keyHash: true },
  invite: { codeHash: true },
} as const;

function createSqlite(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 10_000 }), omit });
}

/** Both generated clients have the same API; we type everything against the SQLite one. */
export type Db = ReturnType<typeof createSqlite>;

export function createDb(c: Config['db']): Db {
  if (c.provider === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: c.url, max: 10 });
    // The pg client's type is structurally the same but not assignable; checking it costs tsc a minute.
    return new PgClient({ adapter, omit }) as unknown as Db;
  }
  return createSqlite(c.file);
}

let client: Db | undefined;

function getClient(): Db {
  client ??= createDb(config().db);
  return client;
}

/** Lazily connected, so importing this module (e.g. during `next build`) opens nothing. */
export const db: Db = new Proxy({} as Db, {
  get(_target, key) {
    const c = getClient();
    const value = Reflect.get(c, key);
    return typeof value === 'function' ? value.bind(c) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (client) await client.$disconnect();
  client = undefined;
}

type SqlValue = string | number | boolean | Date | null;

/** A piece of SQL text with its values, built by the `sql` tag; fragments nest. */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly (SqlValue | SqlValue[] | SqlFragment)[],
  ) {}
}

/**
 * SQL whose text runs on both databases: each value becomes a bound parameter (`?` on SQLite, `$n`
 * on PostgreSQL), an array a list of them (for `IN (…)`), a nested fragment its own text.
 * (Prisma.sql cannot be used for this: each generated client has its own Sql class.)
 */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | SqlValue[] | SqlFragment)[]): SqlFragment {
  return new SqlFragment(strings, values);
}

/** Runs a raw SELECT built with `sql`. */
export function queryRows<T>(query: SqlFragment): Promise<T[]> {
  const pg = config().db.provider === 'postgresql';
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return pg ? `$${params.length}` : '?';
  };
  const render = (f: SqlFragment): string =>
    f.strings.reduce((text, s, i) => {
      if (i === 0) return s;
      const v = f.values[i - 1];
      return text + (v instanceof SqlFragment ? render(v) : Array.isArray(v) ? v.map(bind).join(', ') : bind(v)) + s;
    }, '');
  return db.$queryRawUnsafe<T[]>(render(query), ...params);
}
