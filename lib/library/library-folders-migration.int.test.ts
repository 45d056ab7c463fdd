// The library_folders migration on a database made before it: every library's one path becomes its
// first folder, and nothing else about the library or its items changes. On SQLite, or on a fresh
// PostgreSQL database when TEST_DB=postgres.
import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { migrate, migrationsDir } from '@/lib/migrate';

const MIGRATION = '_library_folders';
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of cleanups) await c();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project root holding only the migrations before library_folders. */
function rootBefore(provider: 'sqlite' | 'postgresql'): string {
  const root = mkdtempSync(join(tmpdir(), 'marquee-mig-root-'));
  dirs.push(root);
  const all = readdirSync(migrationsDir(provider)).sort();
  const cut = all.findIndex((n) => n.endsWith(MIGRATION));
  expect(cut).toBeGreaterThan(0);
  mkdirSync(migrationsDir(provider, root), { recursive: true });
  for (const name of all.slice(0, cut)) cpSync(join(migrationsDir(provider), name), join(migrationsDir(provider, root), name), { recursive: true });
  return root;
}

type Rows = Record<string, unknown>[];
type Conn = { run(sql: string): Promise<void>; all(sql: string): Promise<Rows>; close(): Promise<void> };

async function freshDb(): Promise<{ db: Parameters<typeof migrate>[0]; connect(): Promise<Conn> }> {
  if (config().db.provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-mig-'));
    dirs.push(dir);
    const file = join(dir, 'm.db');
    return {
      db: { provider: 'sqlite', url: `file:${file}`, file },
      async connect() {
        const conn = new Database(file);
        return { run: async (sql) => void conn.exec(sql), all: async (sql) => conn.prepare(sql).all() as Rows, close: async () => void conn.close() };
      },
    };
  }
  const base = new URL(config().db.url);
  const name = `marquee_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: base.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    db: { provider: 'postgresql', url: url.toString() },
    async connect() {
      const conn = new pg.Client({ connectionString: url.toString() });
      await conn.connect();
      return { run: async (sql) => void (await conn.query(sql)), all: async (sql) => (await conn.query(sql)).rows as Rows, close: () => conn.end() };
    },
  };
}

describe('the library_folders migration', () => {
  it("carries every library's path over as its one folder, keeping its items", async () => {
    const { db, connect } = await freshDb();
    await migrate(db, rootBefore(db.provider));
    let conn = await connect();
    await conn.run(`
      INSERT INTO "Library" (id, name, path, type, "scanStatus", "createdAt", "updatedAt") VALUES
        ('l1', 'Films', '/srv/films', 'movies', 'idle', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        ('l2', 'Shows', '/srv/shows', 'tv', 'idle', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
      INSERT INTO "MediaItem" (id, "libraryId", kind, "identityKey", title, "sortTitle", "updatedAt") VALUES ('i', 'l1', 'movie', 'movie:heat:1995', 'Heat', 'heat', '2026-01-01T00:00:00.000Z');
      INSERT INTO "MediaFile" (id, "libraryId", path, size, "mtimeMs", "itemId", "updatedAt") VALUES ('f', 'l1', '/srv/films/Heat (1995).mkv', 1, 1, 'i', '2026-01-01T00:00:00.000Z');
    `);
    await conn.close();

    expect((await migrate(db)).some((n) => n.endsWith(MIGRATION))).toBe(true);
    conn = await connect();
    expect(await conn.all(`SELECT "libraryId", path FROM "LibraryFolder" ORDER BY path`)).toEqual([
      { libraryId: 'l1', path: '/srv/films' },
      { libraryId: 'l2', path: '/srv/shows' },
    ]);
    expect(await conn.all(`SELECT id, name, type, "scanIntervalMinutes" FROM "Library" ORDER BY id`)).toEqual([
      { id: 'l1', name: 'Films', type: 'movies', scanIntervalMinutes: null },
      { id: 'l2', name: 'Shows', type: 'tv', scanIntervalMinutes: null },
    ]);
    expect(await conn.all(`SELECT f.id, f."itemId" FROM "MediaFile" f JOIN "MediaItem" i ON i.id = f."itemId" WHERE i."libraryId" = 'l1'`)).toEqual([{ id: 'f', itemId: 'i' }]);
    // A folder is unique: a second library cannot take it.
    await expect(conn.run(`INSERT INTO "LibraryFolder" (id, "libraryId", path) VALUES ('x', 'l2', '/srv/films')`)).rejects.toThrow(/unique/i);
    // Deleting a library takes its folders along.
    await conn.run(`DELETE FROM "Library" WHERE id = 'l2'`);
    expect(await conn.all(`SELECT "libraryId" FROM "LibraryFolder"`)).toEqual([{ libraryId: 'l1' }]);
    await conn.close();
  });
});
