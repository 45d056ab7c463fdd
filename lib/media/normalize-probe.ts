// Turns ffprobe's JSON (`-show_format -show_streams -show_chapters`) into MediaInfo. The only
// place that knows ffprobe's field names, string-typed numbers and per-container quirks.
import { normalizeLanguage } from './language-code';
import type {
  AudioStream,
  Chapter,
  EmbeddedImage,
  HdrFormat,
  MediaInfo,
  MediaTags,
  SubtitleStream,
  VideoStream,
} from './media-info';

type Raw = Record<string, unknown>;

/** ffprobe says nothing usable: not an object, or neither a format section nor streams. */
export class UnrecognisedProbeError extends Error {
  constructor() {
    super('ffprobe output has no format or streams');
  }
}

/** MediaInfo from raw ffprobe JSON (already parsed). Unknown or odd values become null, never NaN. */
export function normalizeProbe(raw: unknown): MediaInfo {
  if (!isRecord(raw)) throw new UnrecognisedProbeError();
  const format = isRecord(raw.format) ? raw.format : undefined;
  const streams = Array.isArray(raw.streams) ? raw.streams.filter(isRecord) : [];
  if (!format && streams.length === 0) throw new UnrecognisedProbeError();

  const byType = (type: string) => streams.filter((s) => s.codec_type === type);
  const pictures = byType('video').filter((s) => flag(s, 'attached_pic'));
  const video = byType('video')
    .filter((s) => !flag(s, 'attached_pic'))
    .map(videoStream);
  const audio = byType('audio').map(audioStream);
  const subtitles = byType('subtitle').map(subtitleStream);
  const formatTags = tagsOf(format);

  const duration =
    positive(format?.duration) ?? maxOf(streams.map((s) => positive(s.duration) ?? clockSeconds(tagsOf(s).duration)));
  const size = positive(format?.size);
  const bitrate = positive(format?.bit_rate) ?? (size && duration ? Math.round((size * 8) / duration) : null);

  return {
    container: normalizeContainer(text(format?.format_name) ?? '', text(format?.filename), formatTags, video, audio),
    duration,
    size,
    bitrate,
    video,
    audio,
    subtitles,
    images: pictures.map(embeddedImage),
    tags: mediaTags(formatTags),
    chapters: (Array.isArray(raw.chapters) ? raw.chapters.filter(isRecord) : []).map(chapter),
  };
}

function videoStream(s: Raw): VideoStream {
  const codec = VIDEO_CODECS[text(s.codec_name) ?? ''] ?? text(s.codec_name) ?? 'unknown';
  const pixelFormat = text(s.pix_fmt);
  const dolbyVision = dolbyVisionRecord(s);
  return {
    index: integer(s.index) ?? 0,
    codec,
    profile: text(s.profile),
    level: videoLevel(codec, integer(s.level)),
    codecTag: codecTag(s.codec_tag_string),
    bitDepth: bitDepth(pixelFormat) ?? positiveInt(s.bits_per_raw_sample),
    width: integer(s.width) ?? 0,
    height: integer(s.height) ?? 0,
    fps: frameRate(s.avg_frame_rate) ?? frameRate(s.r_frame_rate),
    pixelFormat,
    interlaced: ['tt', 'bb', 'tb', 'bt'].includes(text(s.field_order) ?? ''),
    hdr: hdrFormat(s, dolbyVision !== undefined),
    dolbyVisionProfile: dolbyVision ? integer(dolbyVision.dv_profile) : null,
    bitrate: positive(s.bit_rate) ?? positive(tagsOf(s).bps),
    default: flag(s, 'default'),
  };
}

function audioStream(s: Raw): AudioStream {
  const tags = tagsOf(s);
  return {
    index: integer(s.index) ?? 0,
    codec: text(s.codec_name) ?? 'unknown',
    profile: text(s.profile),
    channels: positiveInt(s.channels),
    channelLayout: text(s.channel_layout),
    sampleRate: positiveInt(s.sample_rate),
    bitrate: positive(s.bit_rate) ?? positive(tags.bps),
    language: normalizeLanguage(tags.language),
    title: tags.title ?? null,
    default: flag(s, 'default'),
  };
}

function subtitleStream(s: Raw): SubtitleStream {
  const tags = tagsOf(s);
  const name = text(s.codec_name);
  const codec = name ? (SUBTITLE_CODECS[name] ?? name) : 'unknown';
  const title = tags.title ?? null;
  return {
    index: integer(s.index) ?? 0,
    codec,
    language: normalizeLanguage(tags.language),
    title,
    // Many rips mark forced tracks only in the title ("English (Forced)").
    forced: flag(s, 'forced') || /\bforced\b/i.test(title ?? ''),
    default: flag(s, 'default'),
    text: TEXT_SUBTITLES.has(codec),
  };
}

function embeddedImage(s: Raw): EmbeddedImage {
  return { index: integer(s.index) ?? 0, codec: text(s.codec_name) ?? 'unknown', width: positiveInt(s.width), height: positiveInt(s.height) };
}

function chapter(c: Raw): Chapter {
  const start = finite(c.start_time) ?? 0;
  return { start, end: finite(c.end_time) ?? start, title: tagsOf(c).title ?? null };
}

function mediaTags(tags: Record<string, string>): MediaTags {
  const date = tags.date ?? tags.date_released ?? tags.year ?? null;
  const year = /\b(1[89]\d\d|2\d\d\d)\b/.exec(date ?? '')?.[1];
  return {
    title: tags.title ?? null,
    date,
    year: year ? Number(year) : null,
    show: tags.show ?? null,
    seasonNumber: nonNegativeInt(tags.season_number),
    episodeSort: nonNegativeInt(tags.episode_sort),
    episodeId: tags.episode_id ?? null,
    genre: tags.genre ?? null,
    comment: tags.comment ?? null,
    description: tags.description ?? tags.synopsis ?? null,
  };
}

const VIDEO_CODECS: Record<string, string> = { mpeg2video: 'mpeg2', mpeg1video: 'mpeg1', msmpeg4v3: 'msmpeg4' };
const SUBTITLE_CODECS: Record<string, string> = {
  subrip: 'srt',
  hdmv_pgs_subtitle: 'pgs',
  dvd_subtitle: 'vobsub',
  dvb_subtitle: 'dvbsub',
  dvb_teletext: 'teletext',
  eia_608: 'cc608',
};
const TEXT_SUBTITLES = new Set([
  'srt', 'ass', 'ssa', 'webvtt', 'mov_text', 'text', 'ttml', 'subviewer', 'subviewer1', 'microdvd',
  'sami', 'realtext', 'mpl2', 'pjs', 'vplayer', 'jacosub', 'stl', 'cc608',
]);
const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1']);
const WEBM_AUDIO = new Set(['opus', 'vorbis']);

/**
 * ffprobe names demuxers, not containers: "mov,mp4,m4a,3gp,3g2,mj2" is MP4 or QuickTime (told
 * apart by the major brand) and "matroska,webm" is Matroska or WebM (by extension, else by codecs).
 */
function normalizeContainer(
  formatName: string,
  filename: string | null,
  tags: Record<string, string>,
  video: VideoStream[],
  audio: AudioStream[],
): string {
  const names = formatName.split(',');
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (names.includes('matroska')) {
    if (ext === 'webm') return 'webm';
    if (ext && ['mkv', 'mk3d', 'mka', 'mks'].includes(ext)) return 'mkv';
    const webm = video.every((v) => WEBM_VIDEO.has(v.codec)) && audio.every((a) => WEBM_AUDIO.has(a.codec));
    return webm && video.length + audio.length > 0 ? 'webm' : 'mkv';
  }
  if (names.includes('mov') || names.includes('mp4')) {
    return tags.major_brand?.trim() === 'qt' || (ext === 'mov' && !tags.major_brand) ? 'mov' : 'mp4';
  }
  return CONTAINERS[names[0]] ?? names[0] ?? 'unknown';
}
const CONTAINERS: Record<string, string> = { mpegts: 'ts', mpeg: 'mpeg', avi: 'avi', asf: 'asf', flv: 'flv', ogg: 'ogg' };

function hdrFormat(s: Raw, dolbyVision: boolean): HdrFormat {
  if (dolbyVision) return 'dolby_vision';
  const transfer = text(s.color_transfer);
  if (transfer === 'smpte2084') return 'hdr10';
  if (transfer === 'arib-std-b67') return 'hlg';
  return 'sdr';
}

/** The DOVI configuration record side data, or a stand-in when only the codec tag says Dolby Vision. */
function dolbyVisionRecord(s: Raw): Raw | undefined {
  const sideData = Array.isArray(s.side_data_list) ? s.side_data_list.filter(isRecord) : [];
  const record = sideData.find((d) => /dovi configuration/i.test(text(d.side_data_type) ?? ''));
  if (record) return record;
  return ['dvh1', 'dvhe', 'dav1', 'dva1', 'dvav'].includes(codecTag(s.codec_tag_string) ?? '') ? {} : undefined;
}

/** ffprobe reports levels as the codec's integer: H.264 41, HEVC 153 (×30), AV1 seq_level_idx 8. */
function videoLevel(codec: string, level: number | null): number | null {
  if (level === null || level < 0) return null;
  if (codec === 'av1') return level < 24 ? 2 + (level >> 2) + (level & 3) / 10 : null; // 31: unconstrained
  if (level === 0) return null;
  switch (codec) {
    case 'h264':
    case 'vp9':
      return level / 10;
    case 'hevc':
      return Math.round((level / 30) * 10) / 10;
    default:
      return null;
  }
}

/** Bits per sample from the pixel format name: yuv420p → 8, yuv420p10le → 10, p010le → 10. */
function bitDepth(pixelFormat: string | null): number | null {
  if (!pixelFormat) return null;
  const planar = /^(?:yuvj?a?|gbra?|gray)\d*p(\d+)?(?:le|be)?$/.exec(pixelFormat);
  if (planar) return planar[1] ? Number(planar[1]) : 8;
  const packed = /^p0(\d\d)(?:le|be)$/.exec(pixelFormat);
  if (packed) return Number(packed[1]);
  return ['nv12', 'nv21', 'yuyv422', 'uyvy422', 'rgb24', 'bgr24', 'gray'].includes(pixelFormat) ? 8 : null;
}

/** "24000/1001" → 23.976; "0/0" and nonsense → null. */
function frameRate(value: unknown): number | null {
  const match = /^(\d+)\/(\d+)$/.exec(text(value) ?? '');
  if (!match || Number(match[2]) === 0) return null;
  const fps = Number(match[1]) / Number(match[2]);
  return fps > 0 && fps < 1000 ? Math.round(fps * 1000) / 1000 : null;
}

function codecTag(value: unknown): string | null {
  const tag = text(value);
  // Unregistered tags print as "[27][0][0][0]".
  return tag && /^[a-z0-9 ]{4}$/i.test(tag) ? tag.trim().toLowerCase() : null;
}

/** A section's tags with lower-cased keys (Matroska writes "TITLE", MP4 "title"); non-strings dropped. */
function tagsOf(section: Raw | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  if (section && isRecord(section.tags)) {
    for (const [key, value] of Object.entries(section.tags)) {
      const v = text(value);
      if (v !== null) tags[key.toLowerCase()] = v;
    }
  }
  return tags;
}

function flag(s: Raw, name: string): boolean {
  return isRecord(s.disposition) && s.disposition[name] === 1;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string (numbers are stringified); "N/A" counts as absent. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed && trimmed !== 'N/A' ? trimmed : null;
}

function finite(value: unknown): number | null {
  const s = text(value);
  const n = s === null ? NaN : Number(s);
  return Number.isFinite(n) ? n : null;
}

function positive(value: unknown): number | null {
  const n = finite(value);
  return n !== null && n > 0 ? n : null;
}

function integer(value: unknown): number | null {
  const n = finite(value);
  return n !== null && Number.isInteger(n) ? n : null;
}

function positiveInt(value: unknown): number | null {
  const n = integer(value);
  return n !== null && n > 0 ? n : null;
}

function nonNegativeInt(value: unknown): number | null {
  const n = integer(value);
  return n !== null && n >= 0 ? n : null;
}

/** Matroska's per-stream DURATION tag: "00:00:02.005000000" → 2.005. */
function clockSeconds(value: string | undefined): number | null {
  const match = /^(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(value ?? '');
  if (!match) return null;
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return seconds > 0 ? seconds : null;
}

function maxOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
}
