// Background renditions as data: a library's ladder ("off" or rung heights), the rungs a file gets
// (never upscaled), the ffmpeg arguments for one rung (H.264/AAC HLS, the same on ffmpeg 4 and 5),
// and the master playlist that lists the rungs for adaptive bitrate.
import { z } from 'zod';

export const RUNG_HEIGHTS = [1080, 720, 480] as const;
export const renditionLadderSchema = z
  .enum(['off', '1080,720,480', '720,480', '1080,720', '720'])
  .describe('Background HLS renditions for new files: off, or the rung heights (H.264/AAC, never upscaled)');
export type RenditionLadder = z.infer<typeof renditionLadderSchema>;

export const RENDITION_SEGMENT_SECONDS = 6;
export const MASTER_PLAYLIST = 'master.m3u8';
/** Names a rendition folder may hold: `r720.m3u8`, `r720_00042.ts`, `master.m3u8`; nothing else is served. */
export const RENDITION_FILE = /^r(\d{3,4})(?:\.m3u8|_\d{5}\.ts)$/;

export interface Rung {
  height: number;
  width: number;
  videoBitrate: number;
  audioBitrate: number;
}

const BITRATES: Record<number, number> = { 1080: 5_000_000, 720: 2_800_000, 480: 1_200_000 };

export function ladderHeights(ladder: string): number[] {
  if (ladder === 'off') return [];
  return ladder.split(',').map(Number).filter((h) => Number.isInteger(h) && h > 0);
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** The rungs for a source: each ladder height at or below the source's; a source smaller than every rung gets one at its own height. */
export function rungsFor(ladder: string, source: { width: number; height: number }): Rung[] {
  const heights = ladderHeights(ladder);
  if (heights.length === 0 || source.height <= 0) return [];
  let fit = heights.filter((h) => h <= source.height);
  if (fit.length === 0) fit = [even(source.height)];
  return [...new Set(fit)]
    .sort((a, b) => b - a)
    .map((height) => ({
      height,
      width: even((source.width * height) / source.height),
      videoBitrate: BITRATES[height] ?? Math.round((height * height * 2.4) / 1000) * 1000,
      audioBitrate: 128_000,
    }));
}

/** ffmpeg arguments that write one rung as VOD HLS (`r<h>.m3u8` + `r<h>_NNNNN.ts`) into `dir`. */
export function rungArgs(input: string, dir: string, rung: Rung, hasAudio: boolean): string[] {
  const name = `r${rung.height}`;
  return [
    '-hide_banner', '-nostdin', '-v', 'error', '-y',
    '-i', input,
    '-map', '0:v:0',
    ...(hasAudio ? ['-map', '0:a:0'] : []),
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
    '-vf', `scale=${rung.width}:${rung.height}`,
    '-b:v', String(rung.videoBitrate), '-maxrate', String(Math.round(rung.videoBitrate * 1.1)), '-bufsize', String(rung.videoBitrate * 2),
    // Keyframes on the segment grid, so every rung cuts at the same times and players can switch.
    '-force_key_frames', `expr:gte(t,n_forced*${RENDITION_SEGMENT_SECONDS})`, '-sc_threshold', '0',
    ...(hasAudio ? ['-c:a', 'aac', '-ac', '2', '-b:a', String(rung.audioBitrate)] : []),
    '-f', 'hls', '-hls_time', String(RENDITION_SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_list_size', '0',
    '-hls_segment_filename', `${dir}/${name}_%05d.ts`,
    `${dir}/${name}.m3u8`,
  ];
}

/** The master playlist; `prefix` goes before each rung's playlist name (the session's URL when served). */
export function renditionMaster(rungs: readonly Rung[], hasAudio: boolean, prefix = ''): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const r of rungs) {
    const bandwidth = Math.round((r.videoBitrate * 1.1 + (hasAudio ? r.audioBitrate : 0)) * 1.05);
    const codecs = hasAudio ? 'avc1.640028,mp4a.40.2' : 'avc1.640028';
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},AVERAGE-BANDWIDTH=${r.videoBitrate + (hasAudio ? r.audioBitrate : 0)},RESOLUTION=${r.width}x${r.height},CODECS="${codecs}"`);
    lines.push(`${prefix}r${r.height}.m3u8`);
  }
  return lines.join('\n') + '\n';
}
