// Generates a small sample library (one H.264/AAC movie, four HEVC/AC-3 episodes, one subtitle)
// with ffmpeg's test sources, so a fresh install has something to scan, probe and play.
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { runBinary } from './run-binary';

export type SampleLibraryOptions = { ffmpegPath: string; signal?: AbortSignal };
export type SampleLibraryResult = { created: boolean; dir: string; warnings: string[] };

/** One file to encode: its path inside the library and the ffmpeg arguments before the output. */
export type SampleEncode = { file: string; args: string[] };

const MAX_PARALLEL = 2;
/** A slow machine makes a 10 s clip in well under a minute; this only catches a hung ffmpeg. */
const ENCODE_TIMEOUT_MS = 10 * 60_000;
const STALE_PARTIAL_MS = 60 * 60 * 1000;
const MOVIE_SECONDS = 10;
const EPISODE_SECONDS = 6;

const SHOW = 'Test Card Show';
const episodeFile = (season: number, episode: number) =>
  `TV/${SHOW}/Season ${pad(season)}/${SHOW} - S${pad(season)}E${pad(episode)}.mkv`;
export const SAMPLE_SUBTITLE_FILE = episodeFile(1, 1).replace(/\.mkv$/, '.en.srt');
export const SAMPLE_MOVIE_FILE = 'Movies/Big Test Pattern (2024)/Big Test Pattern (2024).mp4';
export const SAMPLE_EPISODE_FILES = [episodeFile(1, 1), episodeFile(1, 2), episodeFile(2, 1), episodeFile(2, 2)];

const SUBTITLE = [
  '1\n00:00:00,500 --> 00:00:02,000\nThis is a test card.\n',
  '2\n00:00:02,500 --> 00:00:04,000\nThe tone is 440 hertz.\n',
  '3\n00:00:04,500 --> 00:00:05,800\nEnd of test.\n',
].join('\n');

/**
 * Creates the sample library at `dir` unless `dir` already exists. Files are written into a
 * hidden temp sibling that is renamed into place at the end, so a crash never leaves half a library.
 */
export async function ensureSampleLibrary(dir: string, options: SampleLibraryOptions): Promise<SampleLibraryResult> {
  const { ffmpegPath, signal } = options;
  if (await exists(dir)) return { created: false, dir, warnings: [] };
  signal?.throwIfAborted();

  const parent = dirname(dir);
  const partialPrefix = `.${basename(dir)}.partial-`;
  await mkdir(parent, { recursive: true });
  await removeStalePartials(parent, partialPrefix);

  // runBinary rejects an abort with its reason (not node's generic AbortError).
  const listed = await runBinary(ffmpegPath, ['-hide_banner', '-encoders'], { timeoutMs: 10_000, signal });
  if (listed.code !== 0) throw new Error(`${ffmpegPath} -encoders ${listed.timedOut ? 'did not answer within 10 s' : `failed (exit ${listed.code})`}`);
  const { encodes, warnings } = planSampleLibrary(parseEncoders(listed.stdout.toString()), ffmpegPath);

  const temp = await mkdtemp(join(parent, partialPrefix));
  try {
    for (const file of [...encodes.map((e) => e.file), SAMPLE_SUBTITLE_FILE]) {
      await mkdir(dirname(join(temp, file)), { recursive: true });
    }
    await writeFile(join(temp, SAMPLE_SUBTITLE_FILE), SUBTITLE);
    await runEncodes(ffmpegPath, temp, encodes, signal);
    try {
      await rename(temp, dir);
    } catch (err) {
      // Another process (web or worker) finished first: keep theirs.
      if (isErrno(err, 'ENOTEMPTY') || isErrno(err, 'EEXIST')) {
        await rm(temp, { recursive: true, force: true });
        return { created: false, dir, warnings };
      }
      throw err;
    }
    return { created: true, dir, warnings };
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/** The encodes for an ffmpeg with these encoders; TV files fall back to H.264/AAC when HEVC/AC-3 are missing. */
export function planSampleLibrary(
  encoders: ReadonlySet<string>,
  ffmpegPath = 'ffmpeg',
): { encodes: SampleEncode[]; warnings: string[] } {
  const missing = ['libx264', 'aac'].filter((e) => !encoders.has(e));
  if (missing.length > 0) {
    throw new Error(`${ffmpegPath} has no ${missing.join(' or ')} encoder: cannot generate the sample library`);
  }
  const warnings: string[] = [];
  const h264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'];
  const aac = ['-c:a', 'aac', '-b:a', '128k'];
  let tvVideo = ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p'];
  let tvAudio = ['-c:a', 'ac3', '-b:a', '192k'];
  if (!encoders.has('libx265')) {
    tvVideo = h264;
    warnings.push(`${ffmpegPath} has no libx265 encoder: the sample TV episodes are H.264 instead of HEVC`);
  }
  if (!encoders.has('ac3')) {
    tvAudio = aac;
    warnings.push(`${ffmpegPath} has no ac3 encoder: the sample TV episodes have AAC audio instead of AC-3`);
  }
  // A keyframe every 2 s (-g 48 at 24 fps) so remux-to-HLS tests get several segments.
  const source = (seconds: number, hz: number) => [
    ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=24'],
    ...['-f', 'lavfi', '-i', `sine=frequency=${hz}:sample_rate=48000`],
    ...['-t', String(seconds), '-map', '0:v', '-map', '1:a', '-g', '48', '-ac', '2'],
  ];
  const encodes: SampleEncode[] = [
    { file: SAMPLE_MOVIE_FILE, args: [...source(MOVIE_SECONDS, 440), ...h264, ...aac, '-movflags', '+faststart'] },
    ...SAMPLE_EPISODE_FILES.map((file, i) => ({
      file,
      args: [...source(EPISODE_SECONDS, 440 + 110 * i), ...tvVideo, ...tvAudio],
    })),
  ];
  return { encodes, warnings };
}

/** Encoder names from `ffmpeg -encoders` (lines like " V..... libx264  libx264 H.264 …"). */
export function parseEncoders(output: string): Set<string> {
  const names = new Set<string>();
  for (const line of output.split('\n')) {
    const match = /^\s*[VAS][A-Z.]{5}\s+(\S+)/.exec(line);
    if (match && match[1] !== '=') names.add(match[1]);
  }
  return names;
}

/** Runs the encodes, MAX_PARALLEL at a time; the first failure (or an abort) stops the rest. */
async function runEncodes(ffmpegPath: string, outDir: string, encodes: SampleEncode[], signal?: AbortSignal) {
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  const lane = async () => {
    while (next < encodes.length && !stop.signal.aborted) {
      const { file, args } = encodes[next++];
      const argv = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args, join(outDir, file)];
      try {
        const run = await runBinary(ffmpegPath, argv, { timeoutMs: ENCODE_TIMEOUT_MS, signal: stop.signal });
        if (run.code !== 0) {
          throw Object.assign(new Error(`ffmpeg ${run.timedOut ? `took over ${ENCODE_TIMEOUT_MS / 1000} s` : `exited with code ${run.code}`} making ${file}`), { stderr: run.stderr });
        }
      } catch (err) {
        stop.abort(err);
        throw err;
      }
    }
  };
  try {
    // allSettled: wait for the other lane's ffmpeg to exit before the caller removes the temp dir.
    const results = await Promise.allSettled(Array.from({ length: Math.min(MAX_PARALLEL, encodes.length) }, lane));
    signal?.throwIfAborted();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw encodeError(failed.reason);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function encodeError(err: unknown): Error {
  const stderr = (err as { stderr?: string }).stderr?.trim();
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new Error(`sample library encode failed: ${message}${stderr ? `\n${stderr.slice(-2000)}` : ''}`, { cause: err });
}

/** Removes temp folders left by a crashed run (older than an hour, so a running one is spared). */
async function removeStalePartials(parent: string, prefix: string) {
  for (const name of await readdir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_PARTIAL_MS) await rm(path, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return false;
    throw err;
  }
}

function isErrno(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === code;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
