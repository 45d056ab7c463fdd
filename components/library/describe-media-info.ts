// MediaInfo in words for the facts tables: "1080p HEVC Main 10 · HDR10", "AC-3 5.1 (eng)",
// "1 h 42 min", "1.4 GB". Pure, so the server and the browser print the same text.
import type { AudioStream, MediaInfo, SubtitleStream, VideoStream } from '@/lib/media/media-info';

const VIDEO_CODECS: Record<string, string> = {
  h264: 'H.264', hevc: 'HEVC', av1: 'AV1', vp9: 'VP9', vp8: 'VP8', mpeg2: 'MPEG-2', mpeg2video: 'MPEG-2', mpeg4: 'MPEG-4', vc1: 'VC-1', theora: 'Theora',
};
const AUDIO_CODECS: Record<string, string> = {
  aac: 'AAC', ac3: 'AC-3', eac3: 'E-AC-3', dts: 'DTS', truehd: 'TrueHD', flac: 'FLAC', opus: 'Opus', vorbis: 'Vorbis', mp3: 'MP3', mp2: 'MP2', alac: 'ALAC',
};
const SUBTITLE_CODECS: Record<string, string> = {
  srt: 'SRT', subrip: 'SRT', ass: 'ASS', ssa: 'SSA', webvtt: 'WebVTT', mov_text: 'MP4 text', pgs: 'PGS', hdmv_pgs_subtitle: 'PGS', vobsub: 'VobSub', dvd_subtitle: 'VobSub', dvbsub: 'DVB',
};
const HDR: Record<VideoStream['hdr'], string | null> = { sdr: null, hdr10: 'HDR10', hlg: 'HLG', dolby_vision: 'Dolby Vision' };

/** The stored JSON as MediaInfo when it has the shape we write; null for files not probed (yet). */
export function asMediaInfo(value: unknown): MediaInfo | null {
  const v = value as Partial<MediaInfo> | null;
  return v && typeof v === 'object' && Array.isArray(v.video) && Array.isArray(v.audio) && Array.isArray(v.subtitles) ? (v as MediaInfo) : null;
}

function codecName(table: Record<string, string>, codec: string): string {
  if (codec.startsWith('pcm_')) return 'PCM';
  return table[codec] ?? codec.toUpperCase();
}

/** "2160p", "1080p", "720p", "480p", or the height for anything else; wide crops count by width. */
export function resolutionLabel(width: number, height: number): string {
  if (width >= 3800 || height >= 2100) return '2160p';
  if (width >= 1900 || height >= 1000) return '1080p';
  if (width >= 1260 || height >= 700) return '720p';
  if (height >= 560 && height <= 600) return '576p';
  if (height >= 470 && height <= 490) return '480p';
  return `${height}p`;
}

/** "1080p HEVC Main 10 · HDR10" */
export function videoSummary(v: VideoStream): string {
  const hdr = HDR[v.hdr];
  const dv = v.hdr === 'dolby_vision' && v.dolbyVisionProfile !== null ? `${hdr} P${v.dolbyVisionProfile}` : hdr;
  const main = [resolutionLabel(v.width, v.height), codecName(VIDEO_CODECS, v.codec), v.profile].filter(Boolean).join(' ');
  return [main, dv].filter(Boolean).join(' · ');
}

/** "1920×1080 · 10-bit · 23.976 fps · interlaced" */
export function videoDetail(v: VideoStream): string {
  return [
    `${v.width}×${v.height}`,
    v.bitDepth ? `${v.bitDepth}-bit` : null,
    v.fps ? `${v.fps} fps` : null,
    v.interlaced ? 'interlaced' : null,
    v.bitrate ? formatBitrate(v.bitrate) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function channelLabel(channels: number | null): string | null {
  if (channels === null) return null;
  return ({ 1: 'mono', 2: '2.0', 3: '2.1', 6: '5.1', 7: '6.1', 8: '7.1' } as Record<number, string>)[channels] ?? `${channels} ch`;
}

/** "AC-3 5.1 (eng)", "DTS-HD MA 7.1 (ger) · Commentary" */
export function audioSummary(a: AudioStream): string {
  // Profiles that name the format better than the codec ("DTS-HD MA", "Dolby TrueHD + Dolby Atmos").
  const codec = a.profile && /dts|truehd|atmos|he-aac/i.test(a.profile) ? a.profile : codecName(AUDIO_CODECS, a.codec);
  const main = [codec, channelLabel(a.channels), a.language ? `(${a.language})` : null].filter(Boolean).join(' ');
  return [main, a.title].filter(Boolean).join(' · ');
}

/** "SRT (eng, forced)" */
export function subtitleSummary(s: SubtitleStream): string {
  const notes = [s.language, s.forced ? 'forced' : null].filter(Boolean).join(', ');
  return [codecName(SUBTITLE_CODECS, s.codec), notes ? `(${notes})` : null, s.title ? `· ${s.title}` : null].filter(Boolean).join(' ');
}

/** "1 h 42 min", "24 min", "45 s"; null when unknown. */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** Decimal units, as drives are sold: "1.4 GB", "350 MB", "12 KB". */
export function formatSize(bytes: number | null): string | null {
  if (bytes === null || !Number.isFinite(bytes)) return null;
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(bytes >= 1e11 ? 0 : 1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} B`;
}

export function formatBitrate(bps: number): string {
  return bps >= 1e6 ? `${(bps / 1e6).toFixed(1)} Mbps` : `${Math.round(bps / 1e3)} kbps`;
}

/** One line for lists: "1080p HEVC · AC-3 5.1 · 24 min · 350 MB". */
export function fileSummary(info: MediaInfo | null, size?: number): string | null {
  if (!info) return size ? formatSize(size) : null;
  const v = info.video[0];
  const a = info.audio.find((s) => s.default) ?? info.audio[0];
  return [
    v ? `${resolutionLabel(v.width, v.height)} ${codecName(VIDEO_CODECS, v.codec)}${HDR[v.hdr] ? ` ${HDR[v.hdr]}` : ''}` : null,
    a ? [codecName(AUDIO_CODECS, a.codec), channelLabel(a.channels)].filter(Boolean).join(' ') : null,
    formatDuration(info.duration),
    formatSize(info.size ?? size ?? null),
  ]
    .filter(Boolean)
    .join(' · ');
}
