// `npm start`: validate config, apply migrations, build the web app if needed, then run the web
// server and the worker together. Ctrl-C / SIGTERM stops both; if either dies, the other is
// stopped too and the launcher exits non-zero — never one half running silently.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { childProcessEnv, loadConfigOrExit } from '../lib/config';
import { migrate } from '../lib/migrate';

const root = join(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const nextBin = join(root, 'node_modules/next/dist/bin/next');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('generated')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** A build is needed when there is none, or a source file is newer than it. */
function buildIsStale(): boolean {
  const buildId = join(root, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'public'].map((d) => join(root, d)).filter(existsSync);
  const files = ['next.config.ts', 'package.json', 'postcss.config.mjs'].map((f) => join(root, f)).filter(existsSync);
  return Math.max(...sources.map(newestMtime), ...files.map((f) => statSync(f).mtimeMs)) > built;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null && child.signalCode === null; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok || res.status === 503) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function main() {
  const config = loadConfigOrExit();
  const applied = await migrate(config.db, root);
  if (applied.length) console.log(`[marquee] applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const env = childProcessEnv(config);

  if (!dev && buildIsStale()) {
    console.log('[marquee] building the web app (first start or changed sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('[marquee] the build failed; see above.');
      process.exit(1);
    }
  }

  const port = String(config.port);
  const webArgs = ['--import', 'tsx', join(root, 'server/web-server.ts'), ...(dev ? ['--dev'] : [])];
  const web = spawn(process.execPath, webArgs, { cwd: root, env: { ...env, NODE_ENV: dev ? 'development' : 'production' }, stdio: 'inherit' });
  const worker = spawn(process.execPath, ['--import', 'tsx', join(root, 'scanner-worker/main.ts')], { cwd: root, env, stdio: 'inherit' });
  const children = { web, worker };
  console.log(`[marquee] web pid ${web.pid}, worker pid ${worker.pid}`);

  const running = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of Object.values(children)) if (running(child)) child.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const child of Object.values(children)) if (running(child)) child.kill('SIGKILL');
    }, 10_000);
    force.unref();
    Promise.all(Object.values(children).map((c) => (running(c) ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
      process.exit(code),
    );
  };

  for (const [name, child] of Object.entries(children)) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[marquee] the ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stop(1);
    });
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  if (await waitForHealth(`http://127.0.0.1:${port}`, web)) {
    console.log(`[marquee] ready: ${config.publicUrl}`);
  }
}

main().catch((err) => {
  console.error(`[marquee] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
