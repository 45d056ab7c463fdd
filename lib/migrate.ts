// Applies the committed Prisma migrations (prisma/<provider>/migrations/*/migration.sql) at start.
// We run them ourselves instead of `prisma migrate deploy`: the CLI's adapter path cannot migrate
// PostgreSQL here (see shared/ENVIRONMENT.md), and this way start-up needs no CLI at all.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Config } from './config';

const TABLE = '_marquee_migrations';

export function migrationsDir(provider: Config['db']['provider'], root = process.cwd()): string {
  return join(root, 'prisma', provider, 'migrations');
}

function listMigrations(dir: string): { name: string; sql: string }[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, 'migration.sql'), 'utf8') }));
}

/** Applies pending migrations in order, each in its own transaction; returns the names applied. */
export async function migrate(db: Config['db'], root = process.cwd()): Promise<string[]> {
  const migrations = listMigrations(migrationsDir(db.provider, root));
  return db.provider === 'sqlite' ? migrateSqlite(db.file, migrations) : migratePostgres(db.url, migrations);
}

function migrateSqlite(file: string, migrations: { name: string; sql: string }[]): string[] {
  mkdirSync(dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: 10_000 });
  try {
    conn.pragma('journal_mode = WAL');
    // Prisma's SQLite migrations rebuild tables (create new, copy, drop old, rename). With foreign
    // keys on, dropping the old table would cascade-delete child rows; the pragma only takes effect
    // outside a transaction, so it is set here and the keys are checked after each migration.
    conn.pragma('foreign_keys = OFF');
    conn.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const applied: string[] = [];
    const isApplied = conn.prepare(`SELECT 1 FROM "${TABLE}" WHERE name = ?`);
    const record = conn.prepare(`INSERT INTO "${TABLE}" (name, applied_at) VALUES (?, ?)`);
    for (const m of migrations) {
      // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
      const apply = conn.transaction(() => {
        if (isApplied.get(m.name)) return;
        conn.exec(m.sql);
        const broken = conn.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.name} leaves ${broken.length} broken foreign key(s)`);
        record.run(m.name, new Date().toISOString());
        applied.push(m.name);
      });
      apply.immediate();
    }
    return applied;
  } finally {
    conn.close();
  }
}

async function migratePostgres(url: string, migrations: { name: string; sql: string }[]): Promise<string[]> {
  const conn = new pg.Client({ connectionString: url });
  await conn.connect();
  try {
    // One advisory lock serialises concurrent starters (web, workers).
    await conn.query('SELECT pg_advisory_lock(727274)');
    await conn.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await conn.query<{ name: string }>(`SELECT name FROM "${TABLE}"`);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await conn.query('BEGIN');
      try {
        await conn.query(m.sql);
        await conn.query(`INSERT INTO "${TABLE}" (name, applied_at) VALUES ($1, now())`, [m.name]);
        await conn.query('COMMIT');
      } catch (err) {
        await conn.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await conn.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await conn.end();
  }
}
