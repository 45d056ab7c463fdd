// Runs ffprobe/ffmpeg to completion with a time limit: captures stdout (bounded), the tail of
// stderr, and kills the process on timeout or abort. Built on spawnProcess (./spawn-process.ts),
// the one way lib/ starts a child process.
import { spawnProcess, SpawnError } from './spawn-process';

export { SpawnError };

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

/**
 * Runs `file args` and resolves once the process has exited (also after a kill, so no child
 * outlives the call). A timeout resolves with `timedOut: true`; an abort rejects with the
 * signal's reason; a binary that cannot start rejects with a SpawnError.
 */
export async function runBinary(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { timeoutMs, signal, maxStdoutBytes } = options;
  if (signal?.aborted) throw signal.reason;
  const end = await spawnProcess(file, args, { timeoutMs, signal, maxStdoutBytes, captureStdout: true }).done;
  if (end.aborted) throw signal?.reason;
  if (end.spawnError) throw end.spawnError;
  return { code: end.code, stdout: end.stdout, stderr: end.stderr, timedOut: end.timedOut, overflow: end.overflow };
}
