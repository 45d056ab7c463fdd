// HLS pieces, pure: the transcode's segment grid, our VOD playlists (written up front from the
// duration, so the whole timeline is seekable at once), the master playlist, the ffmpeg arguments
// for a run starting at a segment, and the names a request may ask for.
import type { Decision } from './decide';

/** Seconds per transcoded segment; keyframes are forced on this grid. */
export const SEGMENT_SECONDS = 3;

/** A tail shorter than this joins the last segment (audio often runs a few ms past the video). */
const MIN_TAIL = 0.5;

export function segmentCount(duration: number, seconds = SEGMENT_SECONDS): number {
  return Math.max(1, Math.ceil((duration - MIN_TAIL) / seconds));
}

export function segmentName(n: number): string {
  return `seg-${String(n).padStart(5, '0')}.ts`;
}

/** The names a client may request under a stream key; anything else is a 400. */
export const SEGMENT_PATTERN = /^seg-(\d{5})\.ts$/;
export const MEDIA_PLAYLIST = 'media.m3u8';

/** The full VOD playlist of a transcode: every segment listed with its length before any exists. */
export function vodPlaylist(duration: number, seconds = SEGMENT_SECONDS): string {
  const count = segmentCount(duration, seconds);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${Math.ceil(seconds)}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (let n = 0; n < count; n++) {
    const len = n === count - 1 ? duration - n * seconds : seconds;
    lines.push(`#EXTINF:${Math.max(len, 0.001).toFixed(6)},`, segmentName(n));
  }
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

/** The master playlist: one variant, with its bandwidth, size and codecs. */
export function masterPlaylist(d: Pick<Decision, 'width' | 'height' | 'videoBitrate' | 'audioBitrate' | 'video' | 'audio'>, mediaUri: string): string {
  const bandwidth = Math.round(((d.videoBitrate ?? d.video?.bitrate ?? 5_000_000) + (d.audioBitrate ?? d.audio?.bitrate ?? 160_000)) * 1.1);
  const width = d.width ?? d.video?.width;
  const height = d.height ?? d.video?.height;
  const attrs = [`BANDWIDTH=${bandwidth}`];
  if (width && height) attrs.push(`RESOLUTION=${width}x${height}`);
  return ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-STREAM-INF:${attrs.join(',')}`, mediaUri, ''].join('\n');
}

export type FfmpegRunInput = {
  input: string;
  decision: Pick<Decision, 'mode' | 'video' | 'audio' | 'videoAction' | 'audioAction' | 'width' | 'height' | 'videoBitrate' | 'audioBitrate' | 'burnSubtitle'>;
  outDir: string;
  /** First segment of this run (a seek restarts here). */
  startSegment: number;
  /** libx264 preset; `veryfast` by default, `ultrafast` when several run at once. */
  preset?: string;
  threads?: number;
};

/**
 * ffmpeg arguments for one run. Transcode: keyframes forced on the segment grid and the output
 * timestamps offset to the segment's start, so segments from different runs line up. Remux:
 * video copied, segments cut at the source's keyframes, ffmpeg's own playlist served as it grows.
 */
export function ffmpegHlsArgs(r: FfmpegRunInput): string[] {
  const { decision: d } = r;
  const transcode = d.mode === 'transcode';
  const offset = transcode ? r.startSegment * SEGMENT_SECONDS : 0;
  // -stats: the progress line (speed) even at loglevel error, for the admin sessions page.
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-stats', '-y'];
  if (offset > 0) args.push('-ss', String(offset));
  args.push('-i', `file:${r.input}`);
  if (d.video) {
    if (d.burnSubtitle) {
      const scale = d.width && d.height ? `,scale=${d.width}:${d.height}` : '';
      args.push('-filter_complex', `[0:${d.video.index}][0:${d.burnSubtitle.index}]overlay${scale}[v]`, '-map', '[v]');
    } else args.push('-map', `0:${d.video.index}`);
  }
  if (d.audio) args.push('-map', `0:${d.audio.index}`);
  args.push('-sn', '-dn', '-map_metadata', '-1', '-map_chapters', '-1');

  if (d.videoAction === 'copy') args.push('-c:v', 'copy');
  else if (d.videoAction === 'transcode') {
    args.push('-c:v', 'libx264', '-preset', r.preset ?? 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p');
    if (d.width && d.height && !d.burnSubtitle) args.push('-vf', `scale=${d.width}:${d.height}`);
    if (d.videoBitrate) args.push('-b:v', String(d.videoBitrate), '-maxrate', String(d.videoBitrate), '-bufsize', String(d.videoBitrate * 2));
    args.push('-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0');
  }
  if (d.audioAction === 'copy') args.push('-c:a', 'copy');
  else if (d.audioAction === 'transcode') args.push('-c:a', 'aac', '-ac', '2', '-b:a', String(d.audioBitrate ?? 160_000));
  if (r.threads) args.push('-threads', String(r.threads));
  if (offset > 0) args.push('-output_ts_offset', String(offset));

  args.push(
    '-f', 'hls',
    '-hls_time', String(SEGMENT_SECONDS),
    '-hls_list_size', '0',
    '-hls_segment_type', 'mpegts',
    '-hls_flags', 'temp_file',
    '-start_number', String(r.startSegment),
    '-hls_segment_filename', `${r.outDir}/seg-%05d.ts`,
  );
  if (!transcode) args.push('-hls_playlist_type', 'event');
  args.push(`${r.outDir}/${transcode ? `run-${r.startSegment}.m3u8` : MEDIA_PLAYLIST}`);
  return args;
}
