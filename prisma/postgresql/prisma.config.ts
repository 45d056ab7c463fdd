// Prisma CLI config for the PostgreSQL schema. The app applies migrations itself at start
// (lib/db/migrate.ts); the CLI is used only for `generate` and datamodel-to-datamodel `migrate diff`.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  adapter: async () => new PrismaPg({ host: '127.0.0.1', user: 'postgres', database: 'postgres', allowExitOnIdle: true }),
});
