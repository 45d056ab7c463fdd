// grabFrame: one JPEG still from a video (the fallback artwork when a file has no poster or thumb).
import { resolve } from 'node:path';
import { classifyFailure } from './probe';
import { runBinary, type RunOptions, type RunResult } from './run-binary';

export type FrameGrabOptions = {
  ffmpegPath: string;
  /** Output width in pixels; smaller sources are not upscaled. */
  width?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Which stream (ffprobe index) to grab; default: the first video stream that is not cover art. */
  streamIndex?: number;
  /** Tone-map HDR (PQ/HLG) to SDR so the still is not washed out; needs ffmpeg built with zimg. */
  toneMap?: boolean;
};

export type FrameGrabFailure = 'timeout' | 'no_frame' | 'unreadable' | 'failed';

export class FrameGrabError extends Error {
  constructor(
    readonly reason: FrameGrabFailure,
    detail?: string,
  ) {
    super(`frame grab ${reason === 'failed' ? 'failed' : reason.replace('_', ' ')}${detail ? `: ${detail}` : ''}`);
    this.name = 'FrameGrabError';
  }
}

export type FrameGrabDeps = {
  run: (file: string, args: readonly string[], options: RunOptions) => Promise<RunResult>;
};

const TONE_MAP = 'zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';
const MAX_JPEG_BYTES = 16 * 1024 * 1024;

/** Where to grab when nothing better is known: a tenth in (past cold opens and studio logos). */
export function defaultFrameTime(durationSeconds: number | null): number {
  return durationSeconds && durationSeconds > 0 ? Math.round(durationSeconds * 100) / 1000 : 0;
}

/** The ffmpeg arguments for a still of `input` at `atSeconds`, `width` wide at most. */
export function frameGrabArgs(
  input: string,
  atSeconds: number,
  { width = 640, streamIndex, toneMap = false }: Pick<FrameGrabOptions, 'width' | 'streamIndex' | 'toneMap'> = {},
): string[] {
  // Square pixels at the display aspect ratio (anamorphic DVDs), even sizes for the JPEG encoder.
  const scale = `scale=w='trunc(min(${width},iw*sar)/2)*2':h='trunc(ow/dar/2)*2',setsar=1`;
  return [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error'],
    // Input seeking: fast (from the nearest keyframe) and still frame-accurate.
    ...['-ss', Math.max(0, atSeconds).toFixed(3), '-i', input],
    ...['-map', streamIndex === undefined ? '0:V:0' : `0:${streamIndex}`, '-frames:v', '1', '-an', '-sn', '-dn'],
    ...['-vf', toneMap ? `${TONE_MAP},${scale}` : scale],
    ...['-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '3', 'pipe:1'],
  ];
}

/** A JPEG of the frame at `atSeconds`; FrameGrabError when there is none (past the end) or ffmpeg fails. */
export async function grabFrame(
  path: string,
  atSeconds: number,
  options: FrameGrabOptions,
  deps: FrameGrabDeps = { run: runBinary },
): Promise<Buffer> {
  const { ffmpegPath, timeoutMs = 30_000, signal } = options;
  const absolute = resolve(path);
  const input = `file:${absolute}`;
  const result = await deps.run(ffmpegPath, frameGrabArgs(input, atSeconds, options), {
    timeoutMs,
    signal,
    maxStdoutBytes: MAX_JPEG_BYTES,
  });
  if (result.timedOut) throw new FrameGrabError('timeout', `no frame within ${timeoutMs} ms`);
  if (result.code !== 0 || result.overflow) {
    const line = result.stderr.trim().split('\n').pop()?.split(input).join('').split(absolute).join('').replace(/^[:\s]+/, '');
    throw new FrameGrabError(classifyFailure(result.stderr) === 'unreadable' ? 'unreadable' : 'failed', line?.slice(0, 160) || undefined);
  }
  // ffmpeg exits 0 with no output when the seek lands past the last frame.
  if (result.stdout.length === 0) throw new FrameGrabError('no_frame', `nothing at ${atSeconds} s`);
  if (result.stdout[0] !== 0xff || result.stdout[1] !== 0xd8) throw new FrameGrabError('failed', 'output is not a JPEG');
  return result.stdout;
}
