import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaInfoSchema } from './media-info';
import { normalizeProbe, UnrecognisedProbeError } from './normalize-probe';

type RawStream = Record<string, unknown> & { disposition?: Record<string, number>; tags?: Record<string, string> };
type RawProbe = { streams: RawStream[]; format: Record<string, unknown> & { tags?: Record<string, string> }; chapters?: unknown[] };

const fixture = (name: string): RawProbe =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')) as RawProbe;

/** A recorded fixture with one stream changed: for cases ffmpeg here cannot encode (PGS, Dolby Vision). */
function withStream(name: string, index: number, patch: Partial<RawStream>): RawProbe {
  const raw = fixture(name);
  raw.streams[index] = { ...raw.streams[index], ...patch };
  return raw;
}

describe('normalizeProbe on recorded ffprobe output', () => {
  it('H.264/AAC MP4: movie tags, chapters, and a cover that is not a video stream', () => {
    const info = normalizeProbe(fixture('h264-aac.mp4'));
    expect(info).toMatchObject({ container: 'mp4', duration: 2, size: expect.any(Number), bitrate: expect.any(Number) });
    expect(info.video).toEqual([
      {
        index: 0, codec: 'h264', profile: 'High', level: 1.2, codecTag: 'avc1', bitDepth: 8, width: 320, height: 180,
        fps: 24, pixelFormat: 'yuv420p', interlaced: false, hdr: 'sdr', dolbyVisionProfile: null,
        bitrate: expect.any(Number), default: true,
      },
    ]);
    expect(info.audio).toEqual([
      {
        index: 1, codec: 'aac', profile: 'LC', channels: 2, channelLayout: 'stereo', sampleRate: 48000,
        bitrate: expect.any(Number), language: 'eng', title: null, default: true,
      },
    ]);
    expect(info.images).toEqual([{ index: 3, codec: 'png', width: 200, height: 300 }]);
    expect(info.subtitles).toEqual([]); // the chapter text track is a data stream
    expect(info.tags).toMatchObject({ title: 'Big Test Pattern', date: '2024-05-17', year: 2024, comment: 'A test card' });
    expect(info.chapters).toEqual([
      { start: 0, end: 1, title: 'Opening' },
      { start: 1, end: 2, title: 'Ending' },
    ]);
  });

  it('HEVC/AC-3 MKV with two SubRip tracks and upper-case Matroska tags', () => {
    const info = normalizeProbe(fixture('hevc-ac3-srt.mkv'));
    expect(info.container).toBe('mkv');
    expect(info.duration).toBeCloseTo(2.016, 3);
    expect(info.video[0]).toMatchObject({ codec: 'hevc', profile: 'Main', level: 2, bitDepth: 8, hdr: 'sdr', codecTag: null });
    expect(info.audio[0]).toMatchObject({ codec: 'ac3', channels: 6, channelLayout: '5.1(side)', language: 'ger', title: 'Deutsch 5.1' });
    expect(info.subtitles).toEqual([
      { index: 2, codec: 'srt', language: 'eng', title: 'English', forced: false, default: true, text: true },
      { index: 3, codec: 'srt', language: 'fre', title: 'Français (forced)', forced: true, default: false, text: true },
    ]);
    expect(info.tags).toMatchObject({ title: 'Pilot', show: 'Test Card Show', seasonNumber: 1, episodeSort: 2, year: null });
  });

  it('10-bit HEVC with PQ transfer is HDR10', () => {
    const [video] = normalizeProbe(fixture('hevc-10bit-hdr10.mkv')).video;
    expect(video).toMatchObject({ codec: 'hevc', profile: 'Main 10', bitDepth: 10, pixelFormat: 'yuv420p10le', hdr: 'hdr10' });
  });

  it.each([
    ['vp9-opus.webm', { container: 'webm', video: 'vp9', audio: 'opus', level: null }],
    ['av1-opus.mp4', { container: 'mp4', video: 'av1', audio: 'opus', level: 2 }],
    ['mpeg2-mp2.ts', { container: 'ts', video: 'mpeg2', audio: 'mp2', level: null }],
  ])('%s', (name, expected) => {
    const info = normalizeProbe(fixture(name));
    expect(info.container).toBe(expected.container);
    expect(info.video[0]).toMatchObject({ codec: expected.video, level: expected.level, fps: 24, width: 320 });
    expect(info.audio[0]).toMatchObject({ codec: expected.audio, channels: 2 });
  });

  it.each(['h264-aac.mp4', 'hevc-ac3-srt.mkv', 'hevc-10bit-hdr10.mkv', 'vp9-opus.webm', 'av1-opus.mp4', 'mpeg2-mp2.ts'])(
    '%s survives the JSON round trip through mediaInfoSchema',
    (name) => {
      const info = normalizeProbe(fixture(name));
      expect(mediaInfoSchema.parse(JSON.parse(JSON.stringify(info)))).toEqual(info);
    },
  );
});

describe('normalizeProbe on edited fixtures', () => {
  it.each([
    ['hdmv_pgs_subtitle', 'pgs', false],
    ['dvd_subtitle', 'vobsub', false],
    ['dvb_subtitle', 'dvbsub', false],
    ['ass', 'ass', true],
    ['webvtt', 'webvtt', true],
    ['mov_text', 'mov_text', true],
  ])('subtitle codec %s → %s, text %s', (codecName, codec, text) => {
    const info = normalizeProbe(withStream('hevc-ac3-srt.mkv', 2, { codec_name: codecName }));
    expect(info.subtitles[0]).toMatchObject({ codec, text });
  });

  it.each([
    [{ color_transfer: 'arib-std-b67' }, 'hlg', null],
    [{ color_transfer: 'bt709' }, 'sdr', null],
    [{ side_data_list: [{ side_data_type: 'DOVI configuration record', dv_profile: 8, dv_level: 6 }] }, 'dolby_vision', 8],
    [{ codec_tag_string: 'dvh1' }, 'dolby_vision', null],
  ])('video %j → hdr %s (profile %s)', (patch, hdr, profile) => {
    const [video] = normalizeProbe(withStream('hevc-10bit-hdr10.mkv', 0, patch)).video;
    expect(video.hdr).toBe(hdr);
    expect(video.dolbyVisionProfile).toBe(profile);
  });

  it.each([
    ['h264', 41, 4.1],
    ['h264', 51, 5.1],
    ['hevc', 93, 3.1],
    ['hevc', 153, 5.1],
    ['hevc', 120, 4],
    ['av1', 8, 4],
    ['av1', 13, 5.1],
    ['av1', 31, null],
    ['vp9', -99, null],
    ['mpeg2video', 8, null],
  ])('%s level %d → %s', (codecName, level, expected) => {
    const [video] = normalizeProbe(withStream('h264-aac.mp4', 0, { codec_name: codecName, level })).video;
    expect(video.level).toBe(expected);
  });

  it.each([
    [{ avg_frame_rate: '24000/1001' }, 23.976],
    [{ avg_frame_rate: '0/0', r_frame_rate: '25/1' }, 25],
    [{ avg_frame_rate: '0/0', r_frame_rate: '0/0' }, null],
  ])('frame rate %j → %s', (patch, fps) => {
    expect(normalizeProbe(withStream('h264-aac.mp4', 0, patch)).video[0].fps).toBe(fps);
  });

  it.each([
    ['yuv420p10le', 10],
    ['yuv444p12le', 12],
    ['yuvj420p', 8],
    ['p010le', 10],
    ['gbrp10le', 10],
    ['nv12', 8],
  ])('pixel format %s → %d bits', (pix_fmt, bits) => {
    expect(normalizeProbe(withStream('h264-aac.mp4', 0, { pix_fmt })).video[0].bitDepth).toBe(bits);
  });

  it('reads interlacing from field_order', () => {
    expect(normalizeProbe(withStream('mpeg2-mp2.ts', 0, { field_order: 'tt' })).video[0].interlaced).toBe(true);
  });

  it.each([
    ['deu', 'ger'],
    ['fra', 'fre'],
    ['en', 'eng'],
    ['pt-BR', 'por'],
    ['und', null],
    ['', null],
  ])('audio language %j → %s', (language, expected) => {
    const info = normalizeProbe(withStream('hevc-ac3-srt.mkv', 1, { tags: { language } }));
    expect(info.audio[0].language).toBe(expected);
  });

  it('marks a subtitle forced by its title when the flag is missing', () => {
    const raw = withStream('hevc-ac3-srt.mkv', 2, { tags: { language: 'eng', title: 'English [Forced]' } });
    expect(normalizeProbe(raw).subtitles[0].forced).toBe(true);
  });

  it.each([
    ['qt  ', 'movie.mov', 'mov'],
    ['isom', 'movie.mov', 'mp4'],
    ['M4V ', 'movie.m4v', 'mp4'],
  ])('major brand %j, file %s → %s', (major_brand, filename, container) => {
    const raw = fixture('h264-aac.mp4');
    raw.format = { ...raw.format, filename, tags: { ...raw.format.tags, major_brand } };
    expect(normalizeProbe(raw).container).toBe(container);
  });

  it.each([
    ['clip.webm', 'webm'],
    ['clip.mkv', 'mkv'],
    ['clip', 'webm'], // no extension: VP9/Opus only → WebM
  ])('Matroska-family file %s → %s', (filename, container) => {
    const raw = fixture('vp9-opus.webm');
    raw.format = { ...raw.format, filename };
    expect(normalizeProbe(raw).container).toBe(container);
  });

  it('an HEVC Matroska file without extension stays mkv', () => {
    const raw = fixture('hevc-ac3-srt.mkv');
    raw.format = { ...raw.format, filename: 'pipe' };
    expect(normalizeProbe(raw).container).toBe('mkv');
  });

  it('takes the duration from stream DURATION tags when the format has none, and derives the bitrate', () => {
    const raw = fixture('hevc-ac3-srt.mkv');
    raw.format = { ...raw.format, duration: 'N/A', bit_rate: undefined };
    const info = normalizeProbe(raw);
    expect(info.duration).toBeCloseTo(2.016, 3);
    expect(info.bitrate).toBe(Math.round((info.size! * 8) / info.duration!));
  });

  it('tolerates junk values without producing NaN', () => {
    const raw = withStream('h264-aac.mp4', 0, { width: 'wide', level: 'high', avg_frame_rate: 'fast', pix_fmt: 42 });
    raw.format = { ...raw.format, duration: 'N/A', size: '-1' };
    const info = normalizeProbe(raw);
    expect(info.video[0]).toMatchObject({ width: 0, level: null, fps: 24, pixelFormat: '42', bitDepth: 8 });
    expect(info.size).toBeNull();
    expect(JSON.stringify(info)).not.toContain('NaN');
    expect(() => mediaInfoSchema.parse(info)).not.toThrow();
  });

  it.each([null, 'text', 42, [], {}, { streams: 'many' }])('rejects %j', (raw) => {
    expect(() => normalizeProbe(raw)).toThrow(UnrecognisedProbeError);
  });
});
