// The one way Marquee starts a child process (ffmpeg, ffprobe): plain child_process.spawn with an
// optional time limit, kill on abort, bounded stdout, the tail of stderr, and an end that is always
// a value: a binary that cannot start (ENOENT, EACCES, bad arguments) resolves `done` with a
// SpawnError instead of throwing or emitting an unhandled 'error'. runBinary (run to completion)
// and startFfmpeg (long-running, pausable) are built on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { noteFdExhaustion } from '@/lib/errors/fd-exhaustion';

/** The binary itself could not be started (missing, not executable): a setup problem. */
export class SpawnError extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
  ) {
    super(`cannot start ${file}${code ? ` (${code})` : ''}`);
  }
}

export type SpawnOptions = {
  /** Killed (SIGKILL) after this long; no limit when unset. */
  timeoutMs?: number;
  /** Killed (SIGKILL) on abort. */
  signal?: AbortSignal;
  /** Keep stdout (up to maxStdoutBytes: beyond it the process is killed, `overflow`); default: discarded. */
  captureStdout?: boolean;
  maxStdoutBytes?: number;
  /** How much of the end of stderr to keep. */
  stderrTailBytes?: number;
  /** Sees every stderr chunk as it comes (ffmpeg's progress line: speed). */
  onStderr?: (chunk: string) => void;
};

export type ProcessEnd = {
  /** Exit code, or null when ended by a signal (or never started). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  /** The last few KB of stderr: enough for a reason, never a dump. */
  stderr: string;
  timedOut: boolean;
  overflow: boolean;
  aborted: boolean;
  /** Set when the process never started. */
  spawnError: SpawnError | null;
};

export interface SpawnedProcess {
  readonly pid: number | undefined;
  /** Resolves once the process has exited (never rejects). */
  readonly done: Promise<ProcessEnd>;
  /** Sends a signal if the process is still running; false otherwise. */
  kill(signal: NodeJS.Signals): boolean;
}

const STDERR_TAIL = 4096;
const DEFAULT_MAX_STDOUT = 64 * 1024 * 1024;

export function spawnProcess(file: string, args: readonly string[], options: SpawnOptions = {}): SpawnedProcess {
  const { timeoutMs, signal, captureStdout = false, maxStdoutBytes = DEFAULT_MAX_STDOUT, stderrTailBytes = STDERR_TAIL, onStderr } = options;
  const end: ProcessEnd = { code: null, signal: null, stdout: Buffer.alloc(0), stderr: '', timedOut: false, overflow: false, aborted: false, spawnError: null };
  if (signal?.aborted) return { pid: undefined, done: Promise.resolve({ ...end, aborted: true }), kill: () => false };
  let child: ChildProcess;
  try {
    child = spawn(file, args, { stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'], windowsHide: true });
  } catch (err) {
    // spawn throws at once for arguments it refuses (a NUL byte, a non-string): the same answer.
    const failed = { ...end, spawnError: new SpawnError(file, (err as NodeJS.ErrnoException).code ?? 'EINVAL') };
    noteFdExhaustion(failed.spawnError);
    failed.stderr = failed.spawnError.message;
    return { pid: undefined, done: Promise.resolve(failed), kill: () => false };
  }
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const kill = (sig: NodeJS.Signals) => (running() ? child.kill(sig) : false);

  const done = new Promise<ProcessEnd>((resolve) => {
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let spawnFailure: NodeJS.ErrnoException | undefined;
    // setTimeout treats anything over 2^31-1 ms (or Infinity) as 1 ms.
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            end.timedOut = true;
            kill('SIGKILL');
          }, Math.min(timeoutMs, 2 ** 31 - 1));
    const onAbort = () => {
      end.aborted = true;
      kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    // A broken pipe or read error on a stream must not become an uncaught 'error': the exit says enough.
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('error', () => undefined);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) {
        end.overflow = true;
        kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      end.stderr = (end.stderr + chunk).slice(-stderrTailBytes);
      onStderr?.(chunk);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      spawnFailure = err; // after a start, 'error' means a failed kill: the exit still follows
    });
    child.on('close', (code, sig) => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      end.code = code;
      end.signal = sig;
      end.stdout = Buffer.concat(chunks);
      if (spawnFailure && child.pid === undefined) {
        end.code = null; // 'close' passes the negative errno here
        end.spawnError = new SpawnError(file, spawnFailure.code);
        noteFdExhaustion(end.spawnError);
        end.stderr = end.stderr || end.spawnError.message;
      }
      resolve(end);
    });
  });
  return {
    get pid() {
      return child.pid;
    },
    done,
    kill,
  };
}
