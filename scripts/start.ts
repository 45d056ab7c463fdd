// `npm start`: validate config, apply migrations, build the web app if needed, then run the web
// server and the worker together, each supervised (./supervise.ts): a crashed one is restarted
// with backoff on its own, the other untouched. Ctrl-C / SIGTERM stops both (exit 0). After
// RESTART_LIMIT crashes in RESTART_WINDOW_SECONDS the launcher gives up on that child: without a
// worker the web keeps serving (health says degraded); without the web it stops the worker and
// exits 1, so a service manager sees it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { childProcessEnv, loadConfigOrExit } from '../lib/config';
import { migrate } from '../lib/migrate';
import { supervise } from './supervise';

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
  const log = (line: string) => console.error(`[marquee] ${line}`);
  const limits = { maxCrashes: config.supervisor.maxCrashes, windowMs: config.supervisor.windowMs, log };
  const pids: Record<'web' | 'worker', number | undefined> = { web: undefined, worker: undefined };
  const announce = (name: 'web' | 'worker') => (child: ChildProcess, restarts: number) => {
    pids[name] = child.pid;
    if (restarts === 0 && pids.web !== undefined && pids.worker !== undefined) console.log(`[marquee] web pid ${pids.web}, worker pid ${pids.worker}`);
    if (restarts > 0) console.log(`[marquee] the ${name} is running again (pid ${child.pid}, restart ${restarts})`);
  };
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    Promise.all([web.stop(), worker.stop()]).then(() => process.exit(code));
  };
  // Each child is restarted on its own: a web crash leaves the worker running, and the reverse.
  const worker = supervise({
    ...limits,
    name: 'worker',
    start: () => spawn(process.execPath, ['--import', 'tsx', join(root, 'scanner-worker/main.ts')], { cwd: root, env, stdio: 'inherit' }),
    onStart: announce('worker'),
    // The web keeps serving (browsing, direct play; /api/health says the worker is gone).
    onGiveUp: () => log('the web keeps running without the worker: scans, transcodes and metadata wait until Marquee is restarted.'),
  });
  const web = supervise({
    ...limits,
    name: 'web',
    start: () => spawn(process.execPath, webArgs, { cwd: root, env: { ...env, NODE_ENV: dev ? 'development' : 'production' }, stdio: 'inherit' }),
    onStart: announce('web'),
    // Nothing can reach a worker without the web: stop and exit non-zero, for a service manager to act on.
    onGiveUp: () => {
      log('without the web nobody can reach Marquee: stopping the worker and exiting.');
      stop(1);
    },
  });
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  if (web.child && (await waitForHealth(`http://127.0.0.1:${port}`, web.child))) {
    console.log(`[marquee] ready: ${config.publicUrl}`);
  }
}

main().catch((err) => {
  console.error(`[marquee] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
