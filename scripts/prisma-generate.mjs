// Writes the per-provider schemas from prisma/models.prisma and generates both clients.
// Run by `npm install` (postinstall) and `npm run db:schema` after editing the models.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const models = readFileSync(join(root, 'prisma/models.prisma'), 'utf8');

const providers = [
  { dir: 'sqlite', provider: 'sqlite', output: '../../lib/generated/prisma-sqlite' },
  { dir: 'postgresql', provider: 'postgresql', output: '../../lib/generated/prisma-pg' },
];

for (const { dir, provider, output } of providers) {
  const header = `// GENERATED from prisma/models.prisma by scripts/prisma-generate.mjs: edit that file, not this one.

generator client {
  provider   = "prisma-client-js"
  output     = "${output}"
  engineType = "client"
}

datasource db {
  provider = "${provider}"
  // Never used: the app and the CLI connect through driver adapters (see prisma.config.ts).
  url      = "${provider === 'sqlite' ? 'file:./unused.db' : 'postgresql://unused@127.0.0.1/unused'}"
}
`;
  mkdirSync(join(root, 'prisma', dir), { recursive: true });
  writeFileSync(join(root, 'prisma', dir, 'schema.prisma'), `${header}\n${models}`);
  if (!process.argv.includes('--no-generate')) {
    execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate', '--config', `prisma/${dir}/prisma.config.ts`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  }
}
