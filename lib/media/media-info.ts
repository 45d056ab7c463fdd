// MediaInfo: what we know about a media file's container and streams, in our own names and units.
// Built from ffprobe output by `normalizeProbe` (normalize-probe.ts) and stored as JSON; nothing
// else reads ffprobe's shape.
import { z } from 'zod';

/** How a video stream's brightness is encoded; `hdr10` also covers HDR10+ (PQ with dynamic metadata). */
export const hdrFormatSchema = z.enum(['sdr', 'hdr10', 'hlg', 'dolby_vision']);
export type HdrFormat = z.infer<typeof hdrFormatSchema>;

/** A language as ISO 639-2/B (`eng`, `ger`, `fre`), or null when unknown (`und`, missing). */
const languageSchema = z.string().nullable();

export const videoStreamSchema = z.object({
  /** ffprobe/ffmpeg stream index (what `-map 0:<index>` takes). */
  index: z.number().int().min(0),
  /** h264, hevc, av1, vp9, vp8, mpeg2, mpeg4, vc1, … */
  codec: z.string(),
  /** As ffprobe names it: "High", "Main 10", "Profile 0". */
  profile: z.string().nullable(),
  /** Decimal level: H.264 4.1, HEVC 5.1, AV1 4.0, VP9 3.1; null where the codec has none we read. */
  level: z.number().nullable(),
  /** Four-character code from the container (avc1, hvc1, hev1, dvh1); decides some direct-play paths. */
  codecTag: z.string().nullable(),
  bitDepth: z.number().int().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  /** Average frame rate, rounded to 3 decimals (23.976). */
  fps: z.number().nullable(),
  pixelFormat: z.string().nullable(),
  interlaced: z.boolean(),
  hdr: hdrFormatSchema,
  /** Dolby Vision profile (5, 7, 8…) when `hdr` is dolby_vision and the stream says. */
  dolbyVisionProfile: z.number().int().nullable(),
  bitrate: z.number().nullable(),
  default: z.boolean(),
});
export type VideoStream = z.infer<typeof videoStreamSchema>;

export const audioStreamSchema = z.object({
  index: z.number().int().min(0),
  /** aac, ac3, eac3, dts, truehd, flac, opus, vorbis, mp3, mp2, pcm_s16le, … */
  codec: z.string(),
  /** "LC", "HE-AAC", "DTS-HD MA", "Dolby TrueHD + Dolby Atmos"… */
  profile: z.string().nullable(),
  channels: z.number().int().nullable(),
  channelLayout: z.string().nullable(),
  sampleRate: z.number().int().nullable(),
  bitrate: z.number().nullable(),
  language: languageSchema,
  title: z.string().nullable(),
  default: z.boolean(),
});
export type AudioStream = z.infer<typeof audioStreamSchema>;

export const subtitleStreamSchema = z.object({
  index: z.number().int().min(0),
  /** srt, ass, ssa, webvtt, mov_text, pgs, vobsub, dvbsub, … */
  codec: z.string(),
  language: languageSchema,
  title: z.string().nullable(),
  forced: z.boolean(),
  default: z.boolean(),
  /** Text-based (convertible to WebVTT); false for image-based PGS/VobSub/DVB, which need burning in. */
  text: z.boolean(),
});
export type SubtitleStream = z.infer<typeof subtitleStreamSchema>;

/** A picture stored in the file (MP4 cover, Matroska cover attachment): artwork, not video. */
export const embeddedImageSchema = z.object({
  index: z.number().int().min(0),
  codec: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type EmbeddedImage = z.infer<typeof embeddedImageSchema>;

/** Container-level tags, read case-insensitively (Matroska writes them upper-case). */
export const mediaTagsSchema = z.object({
  title: z.string().nullable(),
  /** As written: "2024", "2024-05-17", "2024-05-17T00:00:00Z". */
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  show: z.string().nullable(),
  seasonNumber: z.number().int().nullable(),
  episodeSort: z.number().int().nullable(),
  episodeId: z.string().nullable(),
  genre: z.string().nullable(),
  comment: z.string().nullable(),
  description: z.string().nullable(),
});
export type MediaTags = z.infer<typeof mediaTagsSchema>;

export const chapterSchema = z.object({
  /** Seconds from the start. */
  start: z.number(),
  end: z.number(),
  title: z.string().nullable(),
});
export type Chapter = z.infer<typeof chapterSchema>;

export const mediaInfoSchema = z.object({
  /** mp4, mkv, webm, mov, avi, ts, mpeg, asf, flv, ogg, … (ffprobe's first format name otherwise). */
  container: z.string(),
  /** Seconds; null for a stream with no known length. */
  duration: z.number().nullable(),
  /** Bytes, as ffprobe read them. */
  size: z.number().nullable(),
  /** Overall bits per second. */
  bitrate: z.number().nullable(),
  video: z.array(videoStreamSchema),
  audio: z.array(audioStreamSchema),
  subtitles: z.array(subtitleStreamSchema),
  images: z.array(embeddedImageSchema),
  tags: mediaTagsSchema,
  chapters: z.array(chapterSchema),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;
