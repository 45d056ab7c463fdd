// Runs ffprobe/ffmpeg with a time limit: captures stdout (bounded), the tail of stderr, and kills
// the process on timeout or abort. The one place lib/media spawns a child process.
import { spawn } from 'node:child_process';

export type RunOptions = {
  timeoutMs: number;
  signal?: AbortSignal;
  /** stdout beyond this is an error (`overflow`); ffprobe JSON of a long file with chapters stays far below. */
  maxStdoutBytes?: number;
};

export type RunResult = {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  stdout: Buffer;
  /** The last few KB of stderr: enough for a reason, never a dump. */
  stderr: string;
  timedOut: boolean;
  overflow: boolean;
};

/** Thrown when the binary itself cannot be started (missing, not executable): a setup problem. */
export class SpawnError extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
  ) {
    super(`cannot start ${file}${code ? ` (${code})` : ''}`);
  }
}

const STDERR_TAIL = 4096;
const DEFAULT_MAX_STDOUT = 64 * 1024 * 1024;

/**
 * Runs `file args` and resolves once the process has exited (also after a kill, so no child
 * outlives the call). A timeout resolves with `timedOut: true`; an abort rejects with the
 * signal's reason.
 */
export function runBinary(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { timeoutMs, signal, maxStdoutBytes = DEFAULT_MAX_STDOUT } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);

  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    let overflow = false;
    let aborted = false;
    let spawnError: NodeJS.ErrnoException | undefined;

    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    // setTimeout treats anything over 2^31-1 ms (or Infinity) as 1 ms.
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, Math.min(timeoutMs, 2 ** 31 - 1));
    const onAbort = () => {
      aborted = true;
      kill();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) {
        overflow = true;
        kill();
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      spawnError = err;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(signal?.reason);
      if (spawnError && child.pid === undefined) return reject(new SpawnError(file, spawnError.code));
      resolve({ code, stdout: Buffer.concat(chunks), stderr, timedOut, overflow });
    });
  });
}
