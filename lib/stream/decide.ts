// The playback decision, pure: a file's MediaInfo × the client's capabilities × the user's choices
// → direct play, remux (video copied into HLS, audio copied or converted) or transcode (H.264/AAC
// HLS), with the reasons in words the player shows. Table-tested in decide.test.ts.
import type { AudioStream, MediaInfo, VideoStream } from '@/lib/media/media-info';
import type { Capabilities, VideoCapability } from './capabilities';
import type { Decision } from './stream-plan';

export type { StreamMode } from './stream-plan';
export type Quality = 'original' | '1080p' | '720p' | '480p';

/** Height and video bitrate cap of each quality (the transcode's target; never upscaled). */
export const QUALITIES: Record<Exclude<Quality, 'original'>, { width: number; height: number; videoBitrate: number }> = {
  '1080p': { width: 1920, height: 1080, videoBitrate: 8_000_000 },
  '720p': { width: 1280, height: 720, videoBitrate: 4_000_000 },
  '480p': { width: 854, height: 480, videoBitrate: 1_500_000 },
};

/** Bitrate given to a transcode at the source's own height ("original" quality). */
const ORIGINAL_CAP = 12_000_000;
const AUDIO_BITRATE = 160_000;
/** Codecs an MPEG-TS HLS stream can carry and hls.js can feed to the browser. */
const HLS_COPY_VIDEO = new Set(['h264']);
const HLS_COPY_AUDIO = new Set(['aac', 'mp3']);

export type Choices = {
  quality?: Quality;
  /** ffmpeg stream index of the audio track to play; default: the file's default track. */
  audioIndex?: number;
  /** ffmpeg stream index of an image subtitle to burn in (text subtitles are sent as WebVTT). */
  burnSubtitleIndex?: number;
};

export type { Decision } from './stream-plan';

const CODEC_NAMES: Record<string, string> = {
  h264: 'H.264', hevc: 'HEVC', av1: 'AV1', vp9: 'VP9', vp8: 'VP8', mpeg2video: 'MPEG-2', mpeg4: 'MPEG-4', vc1: 'VC-1',
  aac: 'AAC', ac3: 'AC-3', eac3: 'E-AC-3', dts: 'DTS', truehd: 'TrueHD', flac: 'FLAC', opus: 'Opus', mp3: 'MP3', vorbis: 'Vorbis',
};
const nice = (codec: string) => CODEC_NAMES[codec] ?? codec.toUpperCase();

function pickAudio(info: MediaInfo, index: number | undefined): AudioStream | null {
  if (index !== undefined) return info.audio.find((a) => a.index === index) ?? null;
  return info.audio.find((a) => a.default) ?? info.audio[0] ?? null;
}

/** Why the client cannot decode this video stream as it is; empty when it can. */
function videoProblems(v: VideoStream, caps: Capabilities): string[] {
  const cap: VideoCapability | undefined = caps.video.find((c) => c.codec === v.codec);
  if (!cap) return [`${nice(v.codec)} is not supported by this browser`];
  const out: string[] = [];
  if (cap.profiles && v.profile && !cap.profiles.some((p) => p.toLowerCase() === v.profile!.toLowerCase())) {
    out.push(`${nice(v.codec)} profile ${v.profile} is not supported`);
  }
  if (cap.max_level !== undefined && v.level !== null && v.level > cap.max_level) out.push(`${nice(v.codec)} level ${v.level} is above ${cap.max_level}`);
  if ((v.bitDepth ?? 8) > cap.max_bit_depth) out.push(`${v.bitDepth}-bit video is not supported`);
  if (v.hdr !== 'sdr' && !cap.hdr) out.push(`${v.hdr.toUpperCase().replace('_', ' ')} needs tone mapping`);
  if (v.interlaced) out.push('interlaced video needs deinterlacing');
  if (caps.max_width && v.width > caps.max_width) out.push(`${v.width} px wide is above the client's ${caps.max_width}`);
  if (caps.max_height && v.height > caps.max_height) out.push(`${v.height} px high is above the client's ${caps.max_height}`);
  return out;
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

export function decideStream(info: MediaInfo, caps: Capabilities, choices: Choices = {}): Decision {
  const video = info.video.find((v) => v.default) ?? info.video[0] ?? null;
  const audio = pickAudio(info, choices.audioIndex);
  const quality = choices.quality ?? 'original';
  const burn = choices.burnSubtitleIndex === undefined ? null : (info.subtitles.find((s) => s.index === choices.burnSubtitleIndex && !s.text) ?? null);

  // Reasons the file cannot be sent as it is, grouped by what they force.
  const containerOk = caps.containers.includes(info.container);
  const vProblems = video ? videoProblems(video, caps) : [];
  const aOk = !audio || caps.audio.includes(audio.codec);
  const target = quality === 'original' ? null : QUALITIES[quality];
  // A frame bigger than the quality's box either way (1920×800 is 1080p-class) is scaled into it.
  const scaleDown = !!(video && target && (video.height > target.height || video.width > target.width));
  const overBitrate = !!(caps.max_bitrate && info.bitrate && info.bitrate > caps.max_bitrate);
  const qualityCap = !!(target && info.bitrate && info.bitrate > target.videoBitrate + AUDIO_BITRATE);
  const otherAudio = !!(audio && choices.audioIndex !== undefined && audio !== (info.audio.find((a) => a.default) ?? info.audio[0]));

  const reasons: string[] = [];
  const mustTranscodeVideo: string[] = [...vProblems];
  if (scaleDown) mustTranscodeVideo.push(`${quality} was chosen (the file is ${video!.height}p)`);
  else if (qualityCap) mustTranscodeVideo.push(`${quality} caps the bitrate at ${(target!.videoBitrate / 1e6).toFixed(1)} Mbps`);
  if (overBitrate) mustTranscodeVideo.push(`${(info.bitrate! / 1e6).toFixed(1)} Mbps is above the client's ${(caps.max_bitrate! / 1e6).toFixed(1)} Mbps`);
  if (burn) mustTranscodeVideo.push(`${nice(burn.codec)} subtitles are images and must be burned in`);
  if (video && !mustTranscodeVideo.length && !HLS_COPY_VIDEO.has(video.codec) && !(containerOk && aOk && !otherAudio)) {
    mustTranscodeVideo.push(`${nice(video.codec)} cannot be carried in HLS here`);
  }

  const base = { video, audio, burnSubtitle: burn, width: null, height: null, videoBitrate: null, audioBitrate: null };

  if (!mustTranscodeVideo.length && containerOk && aOk && !otherAudio) {
    return { ...base, mode: 'direct', reasons: ['the browser plays this file as it is'], videoAction: 'none', audioAction: 'none' };
  }

  const audioAction: Decision['audioAction'] = !audio ? 'none' : caps.audio.includes(audio.codec) && HLS_COPY_AUDIO.has(audio.codec) ? 'copy' : 'transcode';
  const audioReason = audio && !aOk ? `${nice(audio.codec)} audio is not supported by this browser → AAC` : null;

  if (!caps.hls) {
    reasons.push('the client cannot play HLS, which converting needs');
  }

  if (!mustTranscodeVideo.length && video) {
    if (!containerOk) reasons.push(`the ${info.container.toUpperCase()} container is not supported → remux to HLS`);
    if (audioReason) reasons.push(audioReason);
    if (otherAudio) reasons.push('another audio track was chosen → remux to HLS');
    return {
      ...base,
      mode: 'remux',
      reasons,
      videoAction: 'copy',
      audioAction,
      audioBitrate: audioAction === 'transcode' ? AUDIO_BITRATE : null,
    };
  }

  for (const r of mustTranscodeVideo) reasons.push(`${r} → transcode`);
  if (audioReason) reasons.push(audioReason);
  let width: number | null = null;
  let height: number | null = null;
  let videoBitrate: number | null = null;
  if (video) {
    const maxH = Math.min(target?.height ?? video.height, caps.max_height ?? Infinity, video.height);
    const maxW = Math.min(target?.width ?? video.width, caps.max_width ?? Infinity, video.width);
    const scale = Math.min(1, maxH / video.height, maxW / video.width);
    width = even(video.width * scale);
    height = even(video.height * scale);
    const cap = target?.videoBitrate ?? ORIGINAL_CAP;
    videoBitrate = Math.min(cap, caps.max_bitrate ? Math.max(caps.max_bitrate - AUDIO_BITRATE, 300_000) : Infinity);
  }
  return {
    ...base,
    mode: 'transcode',
    reasons,
    videoAction: video ? 'transcode' : 'none',
    audioAction,
    width,
    height,
    videoBitrate,
    audioBitrate: audioAction === 'transcode' ? AUDIO_BITRATE : null,
  };
}

/** The qualities worth offering for a file: original plus each lower one (never an upscale). */
export function qualitiesFor(info: MediaInfo): Quality[] {
  const h = info.video[0]?.height ?? 0;
  return ['original', ...(Object.keys(QUALITIES) as Exclude<Quality, 'original'>[]).filter((q) => QUALITIES[q].height < h)];
}
