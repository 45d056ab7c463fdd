// probeFile: runs ffprobe on one file (with a time limit) and returns its MediaInfo, or a
// ProbeError saying in one word why the file is not usable media.
import { noteFdExhaustion } from '@/lib/errors/fd-exhaustion';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MediaInfo } from './media-info';
import { normalizeProbe } from './normalize-probe';
import { runBinary, type RunOptions, type RunResult } from './run-binary';

/** What the fixtures in `fixtures/*.json` were recorded with; keep the two in step. */
export const FFPROBE_ARGS: readonly string[] = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters'];

export type ProbeFailure = 'not_media' | 'timeout' | 'unreadable' | 'empty_file';

const FAILURE_MESSAGES: Record<ProbeFailure, string> = {
  not_media: 'not a media file',
  timeout: 'ffprobe took too long',
  unreadable: 'file cannot be read',
  empty_file: 'file is empty',
};

/** Why a file could not be probed. `detail` is one short line from ffprobe, without the file's path. */
export class ProbeError extends Error {
  constructor(
    readonly reason: ProbeFailure,
    readonly detail?: string,
  ) {
    super(detail ? `${FAILURE_MESSAGES[reason]}: ${detail}` : FAILURE_MESSAGES[reason]);
    this.name = 'ProbeError';
  }
}

export type ProbeOptions = { ffprobePath: string; timeoutMs?: number; signal?: AbortSignal };

/** The side effects probing needs; fakes in unit tests. */
export type ProbeDeps = {
  stat: (path: string) => Promise<{ isFile(): boolean; size: number }>;
  run: (file: string, args: readonly string[], options: RunOptions) => Promise<RunResult>;
};

const FFPROBE_CRASH_FIX = 'install a current ffmpeg (apt-get install ffmpeg) or set FFPROBE_PATH, then rescan';

export const nodeProbeDeps: ProbeDeps = { stat, run: runBinary };

/**
 * Probes `path`. Rejects with ProbeError for a bad file; with the signal's reason on abort; with
 * SpawnError when ffprobe itself cannot start (a setup problem, not the file's fault).
 */
export async function probeFile(path: string, options: ProbeOptions, deps: ProbeDeps = nodeProbeDeps): Promise<MediaInfo> {
  const { ffprobePath, timeoutMs = 30_000, signal } = options;
  const absolute = resolve(path);

  let size: number;
  try {
    const info = await deps.stat(absolute);
    if (!info.isFile()) throw new ProbeError('unreadable', 'not a regular file');
    size = info.size;
  } catch (err) {
    if (err instanceof ProbeError) throw err;
    // Out of descriptors is the process's problem, not the file's: the scan fails instead of marking it.
    if (noteFdExhaustion(err)) throw err;
    throw new ProbeError('unreadable', (err as NodeJS.ErrnoException).code);
  }
  if (size === 0) throw new ProbeError('empty_file');

  // "file:" stops ffmpeg reading a name like "concat:a|b" or "-x.mkv" as a protocol or an option.
  const input = `file:${absolute}`;
  const result = await deps.run(ffprobePath, [...FFPROBE_ARGS, input], { timeoutMs, signal, maxStdoutBytes: 32 * 1024 * 1024 });
  if (result.timedOut) throw new ProbeError('timeout', `no answer within ${timeoutMs} ms`);
  if (result.overflow) throw new ProbeError('not_media', 'ffprobe output too large');

  const detail = lastLine(result.stderr, [input, absolute]);
  // Killed by a signal we did not send: ffprobe crashed (the build bundled from npm does on
  // MPEG-TS) — say so, and how to fix it, rather than call the file "not media".
  if (result.code === null) throw new ProbeError('not_media', `ffprobe crashed on this file; ${FFPROBE_CRASH_FIX}`);
  if (result.code !== 0) throw new ProbeError(classifyFailure(result.stderr), detail ?? `ffprobe exited with ${result.code}`);

  let info: MediaInfo;
  try {
    info = normalizeProbe(JSON.parse(result.stdout.toString('utf8')));
  } catch {
    throw new ProbeError('not_media', detail ?? 'unreadable ffprobe output');
  }
  if (info.video.length === 0 && info.audio.length === 0) throw new ProbeError('not_media', 'no audio or video streams');
  return info;
}

/** I/O trouble means the file is there but cannot be read; anything else means ffprobe found no media in it. */
export function classifyFailure(stderr: string): ProbeFailure {
  return /permission denied|no such file or directory|is a directory|input\/output error|operation not permitted/i.test(stderr)
    ? 'unreadable'
    : 'not_media';
}

/** The last non-empty stderr line with the probed path cut out, at most 160 characters. */
function lastLine(stderr: string, paths: string[]): string | undefined {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  if (!line) return undefined;
  let cleaned = line;
  for (const p of paths) cleaned = cleaned.split(p).join('');
  cleaned = cleaned.replace(/^[:\s]+/, '').trim();
  return cleaned ? cleaned.slice(0, 160) : undefined;
}
