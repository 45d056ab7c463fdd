// Runs before every integration test file: a fresh database of its own (a SQLite temp file, or a
// new PostgreSQL database when TEST_DB=postgres), migrated, and config pointed at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'marquee-int-'));
process.env.DATA_DIR = dataDir;
process.env.AUTH_SECRET = 'integration-test-secret-0123456789abcdef';
process.env.SAMPLE_LIBRARY = 'false';
// Test files sign up many accounts and start many demo sessions from one (unknown) address: the
// throttle on those is set per test where it is what is tested (test/throttle-limits.int.test.ts).
process.env.THROTTLE_REGISTER_PER_IP ??= '100000/1h';
process.env.THROTTLE_DEMO_PER_IP ??= '100000/1h';

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
let pgDatabase: string | undefined;

if (process.env.TEST_DB === 'postgres') {
  pgDatabase = `marquee_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${pgDatabase}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${pgDatabase}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.DATABASE_URL = `file:${join(dataDir, 'test.db')}`;
}

const { config } = await import('@/lib/config');
const { migrate } = await import('@/lib/migrate');
await migrate(config().db);

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/db');
  await disconnectDb();
  if (pgDatabase) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
});
