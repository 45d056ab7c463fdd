// The one Prisma client: SQLite (WAL, in DATA_DIR) by default, PostgreSQL when DATABASE_URL says so.
// Secrets (password hashes, token and key hashes) are omitted from every query unless asked for.
//
// Hot read paths (the tracking lists) use `queryRows`, which runs portable SQL on the driver itself,
// past Prisma: Prisma 6 compiles every query anew (its query-plan cache came in 7.x, which cannot
// run here), about 1–2 ms of event-loop time per query on this class of machine. On SQLite the
// reads use a second, query-only connection with prepared statements kept; on PostgreSQL they use
// the pool that Prisma's adapter also uses, with named (server-prepared) statements.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import Database from 'better-sqlite3';
import pg from 'pg';
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

/** Raw reads on the driver (see the header). */
type Reader = { all(text: string, params: SqlValue[]): Promise<unknown[]>; close(): Promise<void> };

/** How many prepared statements a reader keeps (texts vary only with the length of IN lists). */
const STATEMENTS_KEPT = 200;

function sqliteReader(file: string): Reader {
  let conn: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  // Values as Prisma's adapter writes them: booleans as 0/1, dates as ISO 8601 with "+00:00".
  const value = (v: SqlValue) => (typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.toISOString().replace('Z', '+00:00') : v);
  return {
    all: async (text, params) => {
      if (!conn) {
        conn = new Database(file, { timeout: 10_000 });
        conn.pragma('query_only = ON');
      }
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= STATEMENTS_KEPT) statements.clear();
        statement = conn.prepare(text);
        statements.set(text, statement);
      }
      return statement.all(params.map(value));
    },
    close: async () => {
      statements.clear();
      conn?.close();
      conn = undefined;
    },
  };
}

function pgReader(pool: pg.Pool): Reader {
  // Prisma keeps DateTime as UTC `timestamp(3)`: read it as UTC (pg's default is local time); counts as numbers.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === pg.types.builtins.TIMESTAMP ? (v: string) => new Date(`${v.replace(' ', 'T')}Z`) : oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const name = (text: string) => `marquee_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  return {
    all: async (text, params) => (await pool.query({ text, values: params, types, name: name(text) })).rows,
    close: async () => undefined, // the pool is Prisma's adapter's: $disconnect ends it
  };
}

function open(c: Config['db']): { client: Db; reader: Reader } {
  if (c.provider === 'postgresql') {
    const pool = new pg.Pool({ connectionString: c.url, max: 10 });
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    // The pg client's type is structurally the same but not assignable; checking it costs tsc a minute.
    return { client: new PgClient({ adapter, omit }) as unknown as Db, reader: pgReader(pool) };
  }
  return { client: createSqlite(c.file), reader: sqliteReader(c.file) };
}

/** A client of its own (`db` is the shared one). */
export function createDb(c: Config['db']): Db {
  return open(c).client;
}

let current: { client: Db; reader: Reader } | undefined;

function connection(): { client: Db; reader: Reader } {
  current ??= open(config().db);
  return current;
}

function getClient(): Db {
  return connection().client;
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
  const was = current;
  current = undefined;
  if (was) {
    await was.client.$disconnect();
    await was.reader.close();
  }
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

/** The text of a fragment for the configured database, with its values in order. */
function renderSql(query: SqlFragment): [string, SqlValue[]] {
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
  return [render(query), params];
}

/** A DateTime read by `queryRows`: a Date on PostgreSQL, an ISO string (or epoch ms) on SQLite. */
export type RawDate = Date | string | number | null;
export const rawDate = (v: RawDate): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
/** A Boolean read by `queryRows`: true/false on PostgreSQL, 1/0 on SQLite. */
export const rawBool = (v: boolean | number | bigint | null): boolean => Boolean(v);

/** Runs a raw SELECT built with `sql` on the driver, past Prisma (see the header): outside any Prisma transaction. */
export async function queryRows<T>(query: SqlFragment): Promise<T[]> {
  const [text, params] = renderSql(query);
  return (await connection().reader.all(text, params)) as T[];
}

/** A client to run raw writes on: `db`, or an interactive transaction's client. */
type RawWriter = Pick<Db, '$executeRawUnsafe'>;

/** A raw INSERT, UPDATE or DELETE built with `sql`, on `on` (default: `db`); resolves with the rows touched. */
export function executeSql(query: SqlFragment, on: RawWriter = db): ReturnType<Db['$executeRawUnsafe']> {
  const [text, params] = renderSql(query);
  return on.$executeRawUnsafe(text, ...params);
}
