// The launcher's supervisor: keeps one child process running. A child that ends by itself (a
// crash, a kill -9, an exit code) is started again after a backoff that doubles with each crash
// (1 s, 2 s, 4 s … at most 30 s), and the log says why it ended and when it comes back. After
// `maxCrashes` crashes within `windowMs` it gives up on that child, loudly. Stopping (SIGTERM to
// the launcher) never restarts anything.
import type { ChildProcess } from 'node:child_process';

export interface SuperviseOptions {
  name: string;
  start(): ChildProcess;
  /** Give up after this many crashes within windowMs. */
  maxCrashes: number;
  windowMs: number;
  /** First delay before a restart; doubled per crash in the window, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  log(line: string): void;
  /** Called with each new process (the first one included). */
  onStart?(child: ChildProcess, restarts: number): void;
  /** Called once when the supervisor gives up on the child. */
  onGiveUp?(): void;
}

export interface Supervised {
  readonly child: ChildProcess | null;
  readonly gaveUp: boolean;
  readonly restarts: number;
  /** Stops the child (SIGTERM, SIGKILL after graceMs) and never restarts it; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export const running = (c: ChildProcess | null) => !!c && c.exitCode === null && c.signalCode === null;

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function supervise(opts: SuperviseOptions): Supervised {
  const backoffMs = opts.backoffMs ?? 1000;
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  let child: ChildProcess | null = null;
  let stopping = false;
  let gaveUp = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  const crashes: number[] = [];

  const launch = () => {
    timer = undefined;
    if (stopping) return;
    const c = opts.start();
    child = c;
    opts.onStart?.(c, restarts);
    c.once('exit', (code, signal) => {
      if (stopping || child !== c) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0] < now - opts.windowMs) crashes.shift();
      const why = describeExit(code, signal);
      if (crashes.length >= opts.maxCrashes) {
        gaveUp = true;
        child = null;
        opts.log(
          `the ${opts.name} stopped (${why}) — ${crashes.length} crashes in ${Math.round(opts.windowMs / 1000)} s: giving up on it. See its errors above; fix the cause and restart Marquee.`,
        );
        opts.onGiveUp?.();
        return;
      }
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (crashes.length - 1));
      const at = new Date(now + delay).toISOString().slice(11, 19);
      opts.log(`the ${opts.name} stopped (${why}); restarting it in ${delay / 1000} s (at ${at} UTC; crash ${crashes.length} of ${opts.maxCrashes} allowed in ${Math.round(opts.windowMs / 1000)} s).`);
      restarts++;
      timer = setTimeout(launch, delay);
    });
  };
  launch();

  return {
    get child() {
      return child;
    },
    get gaveUp() {
      return gaveUp;
    },
    get restarts() {
      return restarts;
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      clearTimeout(timer);
      const c = child;
      if (!c || !running(c)) return;
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill('SIGTERM');
      const force = setTimeout(() => running(c) && c.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(force);
    },
  };
}
