import { describe, expect, it } from 'vitest';
import type { AudioStream, MediaInfo, SubtitleStream, VideoStream } from '@/lib/media/media-info';
import { BASELINE_CAPABILITIES, type Capabilities, capabilitiesSchema } from './capabilities';
import { type Choices, decideStream, qualitiesFor } from './decide';

const video = (over: Partial<VideoStream> = {}): VideoStream => ({
  index: 0, codec: 'h264', profile: 'High', level: 4, codecTag: 'avc1', bitDepth: 8, width: 1920, height: 1080, fps: 23.976,
  pixelFormat: 'yuv420p', interlaced: false, hdr: 'sdr', dolbyVisionProfile: null, bitrate: 5_000_000, default: true, ...over,
});
const audio = (over: Partial<AudioStream> = {}): AudioStream => ({
  index: 1, codec: 'aac', profile: 'LC', channels: 2, channelLayout: 'stereo', sampleRate: 48000, bitrate: 160_000, language: 'eng', title: null, default: true, ...over,
});
const pgs: SubtitleStream = { index: 3, codec: 'pgs', language: 'eng', title: null, forced: false, default: false, text: false };
const file = (over: Partial<MediaInfo> = {}): MediaInfo => ({
  container: 'mp4', duration: 600, size: 400_000_000, bitrate: 5_300_000, video: [video()], audio: [audio()], subtitles: [], images: [],
  tags: { title: null, date: null, year: null, show: null, seasonNumber: null, episodeSort: null, episodeId: null, genre: null, comment: null, description: null },
  chapters: [], ...over,
});

/** What Debian's Chromium reports (ENVIRONMENT.md): H.264/VP9/AV1, AAC/MP3/Opus/FLAC, MP4/WebM, HLS via hls.js. */
const chromium: Capabilities = capabilitiesSchema.parse({
  containers: ['mp4', 'webm'],
  video: [{ codec: 'h264', profiles: ['Constrained Baseline', 'Baseline', 'Main', 'High'], max_level: 5.2 }, { codec: 'vp9', max_bit_depth: 10 }, { codec: 'av1', max_bit_depth: 10 }],
  audio: ['aac', 'mp3', 'opus', 'flac'],
});
const safari: Capabilities = capabilitiesSchema.parse({
  containers: ['mp4', 'mov'],
  video: [{ codec: 'h264', max_level: 5.2 }, { codec: 'hevc', max_bit_depth: 10, hdr: true }],
  audio: ['aac', 'ac3', 'eac3', 'mp3', 'flac'],
});

type Row = [string, MediaInfo, Capabilities, Choices, 'direct' | 'remux' | 'transcode', string[]];

const rows: Row[] = [
  ['H.264/AAC MP4 in Chromium', file(), chromium, {}, 'direct', ['the browser plays this file as it is']],
  ['VP9/Opus WebM in Chromium', file({ container: 'webm', video: [video({ codec: 'vp9', profile: 'Profile 0', level: null })], audio: [audio({ codec: 'opus' })] }), chromium, {}, 'direct', ['the browser plays this file as it is']],
  ['H.264/AAC MKV: container only', file({ container: 'mkv' }), chromium, {}, 'remux', ['the MKV container is not supported → remux to HLS']],
  ['H.264/AC-3 MP4: audio only', file({ audio: [audio({ codec: 'ac3', channels: 6 })] }), chromium, {}, 'remux', ['AC-3 audio is not supported by this browser → AAC']],
  ['H.264/DTS MKV', file({ container: 'mkv', audio: [audio({ codec: 'dts' })] }), chromium, {}, 'remux', ['the MKV container is not supported → remux to HLS', 'DTS audio is not supported by this browser → AAC']],
  ['HEVC/AC-3 MKV in Chromium', file({ container: 'mkv', video: [video({ codec: 'hevc', profile: 'Main' })], audio: [audio({ codec: 'ac3' })] }), chromium, {}, 'transcode', ['HEVC is not supported by this browser → transcode', 'AC-3 audio is not supported by this browser → AAC']],
  ['HEVC Main 10 HDR MP4 in Safari', file({ video: [video({ codec: 'hevc', profile: 'Main 10', bitDepth: 10, hdr: 'hdr10' })] }), safari, {}, 'direct', ['the browser plays this file as it is']],
  ['HDR10 HEVC in a browser without HDR', file({ video: [video({ codec: 'hevc', bitDepth: 10, hdr: 'hdr10' })] }), capabilitiesSchema.parse({ ...safari, video: [{ codec: 'hevc', max_bit_depth: 10 }] }), {}, 'transcode', ['HDR10 needs tone mapping → transcode']],
  ['H.264 Hi10P', file({ video: [video({ profile: 'High 10', bitDepth: 10 })] }), chromium, {}, 'transcode', ['H.264 profile High 10 is not supported → transcode', '10-bit video is not supported → transcode']],
  ['H.264 level 6.2', file({ video: [video({ level: 6.2 })] }), chromium, {}, 'transcode', ['H.264 level 6.2 is above 5.2 → transcode']],
  ['interlaced MPEG-2 in MKV', file({ container: 'mkv', video: [video({ codec: 'mpeg2video', profile: 'Main', interlaced: true })], audio: [audio({ codec: 'mp2' })] }), chromium, {}, 'transcode', ['MPEG-2 is not supported by this browser → transcode', 'MP2 audio is not supported by this browser → AAC']],
  ['4K over the client max height', file({ video: [video({ width: 3840, height: 2160 })] }), capabilitiesSchema.parse({ ...chromium, max_height: 1080 }), {}, 'transcode', ["2160 px high is above the client's 1080 → transcode"]],
  ['bitrate over the client max', file({ bitrate: 40_000_000 }), capabilitiesSchema.parse({ ...chromium, max_bitrate: 8_000_000 }), {}, 'transcode', ["40.0 Mbps is above the client's 8.0 Mbps → transcode"]],
  ['720p chosen for a 1080p file', file(), chromium, { quality: '720p' }, 'transcode', ['720p was chosen (the file is 1080p) → transcode']],
  ['1080p chosen for a 1080p file under the cap', file(), chromium, { quality: '1080p' }, 'direct', ['the browser plays this file as it is']],
  ['second audio track chosen', file({ audio: [audio(), audio({ index: 2, language: 'ger', default: false })] }), chromium, { audioIndex: 2 }, 'remux', ['another audio track was chosen → remux to HLS']],
  ['PGS burn-in', file({ subtitles: [pgs] }), chromium, { burnSubtitleIndex: 3 }, 'transcode', ['PGS subtitles are images and must be burned in → transcode']],
  ['VP9 in MKV: cannot be copied into HLS TS', file({ container: 'mkv', video: [video({ codec: 'vp9', profile: 'Profile 0', level: null })], audio: [audio({ codec: 'opus' })] }), chromium, {}, 'transcode', ['VP9 cannot be carried in HLS here → transcode']],
  ['no profile sent: baseline assumptions', file({ container: 'mkv' }), BASELINE_CAPABILITIES, {}, 'remux', ['the MKV container is not supported → remux to HLS']],
];

describe('decideStream', () => {
  it.each(rows)('%s', (_name, info, caps, choices, mode, reasons) => {
    const d = decideStream(info, caps, choices);
    expect(d.mode).toBe(mode);
    expect(d.reasons).toEqual(reasons);
  });

  it('copies video and AAC audio when only the container is wrong; converts audio the browser lacks', () => {
    expect(decideStream(file({ container: 'mkv' }), chromium)).toMatchObject({ videoAction: 'copy', audioAction: 'copy' });
    expect(decideStream(file({ audio: [audio({ codec: 'ac3' })] }), chromium)).toMatchObject({ videoAction: 'copy', audioAction: 'transcode', audioBitrate: 160_000 });
    // Opus plays in the browser but cannot go into an MPEG-TS segment: converted.
    expect(decideStream(file({ container: 'mkv', audio: [audio({ codec: 'opus' })] }), chromium)).toMatchObject({ mode: 'remux', audioAction: 'transcode' });
  });

  it('scales to the chosen quality keeping the aspect ratio, never upscales, caps the bitrate', () => {
    const wide = file({ video: [video({ width: 1920, height: 800 })] });
    expect(decideStream(wide, chromium, { quality: '720p' })).toMatchObject({ mode: 'transcode', width: 1280, height: 534 });
    expect(decideStream(wide, chromium, { quality: '1080p' })).toMatchObject({ mode: 'direct' });
    const hevc = (h: number, w: number) => file({ video: [video({ codec: 'hevc', width: w, height: h })] });
    expect(decideStream(hevc(1080, 1920), chromium, { quality: '720p' })).toMatchObject({ width: 1280, height: 720, videoBitrate: 4_000_000 });
    expect(decideStream(hevc(1080, 1920), chromium, { quality: '480p' })).toMatchObject({ width: 854, height: 480, videoBitrate: 1_500_000 });
    expect(decideStream(hevc(360, 640), chromium, { quality: '1080p' })).toMatchObject({ width: 640, height: 360 });
    expect(decideStream(hevc(1080, 1920), capabilitiesSchema.parse({ ...chromium, max_bitrate: 3_000_000 }))).toMatchObject({ videoBitrate: 2_840_000 });
  });

  it('plays the chosen audio track and keeps the default otherwise', () => {
    const two = file({ audio: [audio({ index: 1, default: false }), audio({ index: 2, default: true, codec: 'ac3' })] });
    expect(decideStream(two, chromium).audio?.index).toBe(2);
    expect(decideStream(two, chromium, { audioIndex: 1 }).audio?.index).toBe(1);
  });

  it('handles audio-only and video-only files', () => {
    expect(decideStream(file({ video: [] }), chromium)).toMatchObject({ mode: 'direct' });
    expect(decideStream(file({ container: 'mkv', video: [video({ codec: 'hevc' })], audio: [] }), chromium)).toMatchObject({ mode: 'transcode', audioAction: 'none' });
  });

  it('offers qualities below the source only', () => {
    expect(qualitiesFor(file())).toEqual(['original', '720p', '480p']);
    expect(qualitiesFor(file({ video: [video({ width: 3840, height: 2160 })] }))).toEqual(['original', '1080p', '720p', '480p']);
    expect(qualitiesFor(file({ video: [video({ width: 640, height: 360 })] }))).toEqual(['original']);
  });
});
