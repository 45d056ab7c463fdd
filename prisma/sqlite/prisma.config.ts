// Prisma CLI config for the SQLite schema. The app applies migrations itself at start
// (lib/db/migrate.ts); the CLI is used only for `generate` and `migrate diff`.
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' }),
});
