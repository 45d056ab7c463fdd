// `npm run db:migration -- <name>`: writes a new migration for both databases from the difference
// between the schema of the newest migration and the current schema (datamodel to datamodel, so
// no shadow database is needed), and keeps a copy of the schema beside it for the next diff.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const name = process.argv[2]?.replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: npm run db:migration -- <name>');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

for (const provider of ['sqlite', 'postgresql']) {
  const dir = join(root, 'prisma', provider);
  const migrations = join(dir, 'migrations');
  const previous = readdirSync(migrations).filter((d) => existsSync(join(migrations, d, 'schema.prisma'))).sort().at(-1);
  const from = previous ? ['--from-schema-datamodel', join(migrations, previous, 'schema.prisma')] : ['--from-empty'];
  const sql = execFileSync(
    process.execPath,
    [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', '--config', join(dir, 'prisma.config.ts'), ...from, '--to-schema-datamodel', join(dir, 'schema.prisma'), '--script'],
    { cwd: root, encoding: 'utf8' },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
    console.log(`[${provider}] no changes`);
    continue;
  }
  const out = join(migrations, `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'migration.sql'), sql);
  copyFileSync(join(dir, 'schema.prisma'), join(out, 'schema.prisma'));
  console.log(`[${provider}] wrote ${out}/migration.sql`);
}
