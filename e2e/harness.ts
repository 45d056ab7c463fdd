// Starts the real app the way a user does (`npm start`: scripts/start.ts — migrate, build if
// needed, web + worker) on a free port with a fresh DATA_DIR, and stops it. A test that restarts
// the server passes the first run's data folder and port, and stops that run with `keepData`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../test/wait-for';

export { waitFor };

const root = join(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** The current pids of the web and the worker (after any restart). */
  pids: () => { web: number; worker: number } | null;
  /** Resolves with the launcher's exit code once it has exited by itself. */
  exited: Promise<number | null>;
  /** Stops the launcher (SIGTERM) and removes the data folder, unless `keepData` (for a restart on it). */
  stop: (opts?: { keepData?: boolean }) => Promise<number | null>;
}

export interface StartOptions {
  /** An existing data folder (a stopped run's, kept with `keepData`): the app starts on what it holds. */
  dataDir?: string;
  port?: number;
}

export async function startApp(extraEnv: Record<string, string> = {}, opts: StartOptions = {}): Promise<RunningApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'marquee-e2e-'));
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, ...extraEnv };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${log}`);
      return fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    },
    { what: 'the app to answer /api/health', timeoutMs: 240_000, intervalMs: 250 },
  ).catch((err) => {
    child.kill('SIGKILL');
    throw err;
  });

  return {
    url,
    dataDir,
    process: child,
    output: () => log,
    exited,
    pids: () => {
      // The first pids, then the latest restart of each (the launcher restarts a crashed child).
      const m = /web pid (\d+), worker pid (\d+)/.exec(log);
      if (!m) return null;
      const latest = (name: string, first: string) => Number([...log.matchAll(new RegExp(`the ${name} is running again \\(pid (\\d+)`, 'g'))].at(-1)?.[1] ?? first);
      return { web: latest('web', m[1]), worker: latest('worker', m[2]) };
    },
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
