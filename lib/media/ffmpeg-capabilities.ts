// What the resolved ffmpeg/ffprobe can do, probed once per process at start: the encoders,
// muxers and filters each feature needs, and whether ffprobe reads MPEG-TS (the ffprobe bundled
// from npm crashes on it). A feature the build cannot do is turned off and reported — in health,
// on the admin page, and in the error a player gets — with the fix, instead of failing mid-stream.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegInfo } from './ffmpeg-path';
import { runBinary } from './run-binary';

export type FeatureName = 'transcode' | 'remux' | 'trickplay' | 'subtitles' | 'burn_subtitles' | 'probe_mpegts';
export type Feature = { name: FeatureName; ok: boolean; reason: string | null };
export type FfmpegLists = { encoders: Set<string>; muxers: Set<string>; filters: Set<string> };

export const FFMPEG_FIX = 'Install a current ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) or point FFMPEG_PATH and FFPROBE_PATH at one, then restart.';

const NEEDS: Record<Exclude<FeatureName, 'probe_mpegts'>, { encoders?: string[]; muxers?: string[]; filters?: string[]; what: string }> = {
  transcode: { encoders: ['libx264', 'aac'], muxers: ['hls', 'mpegts'], filters: ['scale'], what: 'transcoding to H.264/AAC HLS' },
  remux: { encoders: ['aac'], muxers: ['hls', 'mpegts'], what: 'remuxing to HLS' },
  trickplay: { encoders: ['mjpeg'], muxers: ['image2'], filters: ['fps', 'scale', 'tile'], what: 'scrub previews' },
  subtitles: { encoders: ['webvtt'], muxers: ['webvtt'], what: 'subtitles as WebVTT' },
  burn_subtitles: { filters: ['overlay'], what: 'burning image subtitles in' },
};

/**
 * Names from `ffmpeg -encoders`, `-muxers` or `-filters` output: each entry line is a flags column
 * then the name; the legend above the `---` line is skipped. `-muxers` lists "hls" as " E hls".
 */
export function parseFfmpegList(text: string): Set<string> {
  const names = new Set<string>();
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*-{2,}\s*$/.test(l));
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*[A-Z.|]+\s+([\w,-]+)\s/.exec(line);
    if (m) for (const name of m[1].split(',')) names.add(name);
  }
  return names;
}

/** Which features the lists allow; `probeReadsTs` is the MPEG-TS check's outcome (null: not run). */
export function featuresFrom(lists: FfmpegLists, probeReadsTs: string | null, version: string): Feature[] {
  const out: Feature[] = (Object.keys(NEEDS) as (keyof typeof NEEDS)[]).map((name) => {
    const need = NEEDS[name];
    const missing = [
      ...(need.encoders ?? []).filter((e) => !lists.encoders.has(e)).map((e) => `encoder ${e}`),
      ...(need.muxers ?? []).filter((e) => !lists.muxers.has(e)).map((e) => `format ${e}`),
      ...(need.filters ?? []).filter((e) => !lists.filters.has(e)).map((e) => `filter ${e}`),
    ];
    return { name, ok: missing.length === 0, reason: missing.length ? `ffmpeg ${version} has no ${missing.join(', ')}: ${need.what} is off.` : null };
  });
  out.push({ name: 'probe_mpegts', ok: probeReadsTs === null, reason: probeReadsTs });
  return out;
}

async function list(ffmpeg: string, flag: string): Promise<Set<string>> {
  const r = await runBinary(ffmpeg, ['-hide_banner', flag], { timeoutMs: 10_000 });
  return parseFfmpegList(r.stdout.toString('utf8'));
}

/**
 * Makes a 0.2 s MPEG-TS (MPEG-2 video and MP2 audio, which every build encodes) and reads it with
 * ffprobe: null when it can, else why not. The bundled ffprobe crashes on video with audio in TS.
 */
export async function checkProbeReadsTs(ffmpeg: string, ffprobe: string, ffprobeVersion: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-caps-'));
  try {
    const ts = join(dir, 'check.ts');
    const made = await runBinary(ffmpeg, ['-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=64x64:d=0.2', '-f', 'lavfi', '-i', 'sine=d=0.2', '-c:v', 'mpeg2video', '-c:a', 'mp2', '-f', 'mpegts', ts], { timeoutMs: 10_000 });
    if (made.code !== 0) return null; // cannot make the sample: nothing learned about ffprobe
    const read = await runBinary(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', ts], { timeoutMs: 10_000 });
    if (read.code === 0) return null;
    const how = read.code === null ? 'crashes' : `fails (exit ${read.code})`;
    return `ffprobe ${ffprobeVersion} ${how} on MPEG-TS files (.ts, .m2ts): they cannot be scanned.`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type FfmpegCapabilities = { features: Feature[]; fix: string | null };

let probed: Promise<FfmpegCapabilities> | undefined;

/** The resolved build's features, probed once per process (a failed probe is retried next time). */
export function ffmpegCapabilities(): Promise<FfmpegCapabilities> {
  if (!probed) {
    const pending = (async () => {
      const { ffmpeg, ffprobe } = await ffmpegInfo();
      const [encoders, muxers, filters, ts] = await Promise.all([
        list(ffmpeg.path, '-encoders'),
        list(ffmpeg.path, '-muxers'),
        list(ffmpeg.path, '-filters'),
        checkProbeReadsTs(ffmpeg.path, ffprobe.path, ffprobe.version),
      ]);
      const features = featuresFrom({ encoders, muxers, filters }, ts, ffmpeg.version);
      return { features, fix: features.every((f) => f.ok) ? null : FFMPEG_FIX };
    })();
    pending.catch(() => {
      if (probed === pending) probed = undefined;
    });
    probed = pending;
  }
  return probed;
}

/** Whether a feature is on; false when the binaries cannot even be found. */
export async function hasFeature(name: FeatureName): Promise<Feature> {
  const caps = await ffmpegCapabilities().catch(() => null);
  return caps?.features.find((f) => f.name === name) ?? { name, ok: false, reason: 'ffmpeg could not be found or started.' };
}
