import { describe, expect, it } from 'vitest';
import { ffmpegHlsArgs, masterPlaylist, SEGMENT_PATTERN, segmentCount, segmentName, vodPlaylist } from './hls';

const flag = (args: string[], name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const transcode = {
  mode: 'transcode' as const, video: { index: 0, width: 1920, height: 1080, codec: 'hevc', bitrate: null } as never, audio: { index: 1, codec: 'ac3' } as never,
  videoAction: 'transcode' as const, audioAction: 'transcode' as const, width: 1280, height: 720, videoBitrate: 4_000_000, audioBitrate: 160_000, burnSubtitle: null,
};

describe('HLS pieces', () => {
  it('lists every segment of the timeline up front, the last one short', () => {
    const text = vodPlaylist(10);
    expect(segmentCount(10)).toBe(4);
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text.match(/#EXTINF:/g)).toHaveLength(4);
    expect(text).toContain('#EXTINF:1.000000,\nseg-00003.ts\n#EXT-X-ENDLIST');
    expect(segmentCount(9)).toBe(3);
    expect(segmentCount(0.5)).toBe(1);
    // Audio a few ms longer than the video: no segment of its own (ffmpeg would not make one).
    expect(segmentCount(6.016)).toBe(2);
    expect(vodPlaylist(6.016)).toContain('#EXTINF:3.016000,\nseg-00001.ts\n#EXT-X-ENDLIST');
  });

  it('names segments so only the pattern matches', () => {
    expect(segmentName(42)).toBe('seg-00042.ts');
    for (const bad of ['../seg-00001.ts', 'seg-1.ts', 'seg-00001.ts/..', 'seg-00001.tsx', '%2e%2e%2fetc', 'media.m3u8']) expect(SEGMENT_PATTERN.test(bad)).toBe(false);
  });

  it('writes a master playlist with bandwidth and resolution', () => {
    expect(masterPlaylist(transcode, 'k/media.m3u8')).toBe('#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=4576000,RESOLUTION=1280x720\nk/media.m3u8\n');
  });

  it('transcodes with keyframes on the segment grid, restarting at a segment with matching timestamps', () => {
    const first = ffmpegHlsArgs({ input: '/m/a.mkv', decision: transcode, outDir: '/t/s', startSegment: 0 });
    expect(flag(first, '-ss')).toBeUndefined();
    expect(flag(first, '-i')).toBe('file:/m/a.mkv');
    expect(flag(first, '-c:v')).toBe('libx264');
    expect(flag(first, '-vf')).toBe('scale=1280:720');
    expect(flag(first, '-force_key_frames')).toBe('expr:gte(t,n_forced*3)');
    expect(flag(first, '-hls_time')).toBe('3');
    expect(flag(first, '-c:a')).toBe('aac');
    const later = ffmpegHlsArgs({ input: '/m/a.mkv', decision: transcode, outDir: '/t/s', startSegment: 20, preset: 'ultrafast' });
    expect(flag(later, '-ss')).toBe('60');
    expect(flag(later, '-output_ts_offset')).toBe('60');
    expect(flag(later, '-start_number')).toBe('20');
    expect(flag(later, '-preset')).toBe('ultrafast');
    expect(later.indexOf('-ss')).toBeLessThan(later.indexOf('-i'));
  });

  it('remuxes by copying video into an event playlist ffmpeg writes itself', () => {
    const args = ffmpegHlsArgs({ input: '/m/a.mkv', decision: { ...transcode, mode: 'remux', videoAction: 'copy', audioAction: 'copy' }, outDir: '/t/s', startSegment: 0 });
    expect(flag(args, '-c:v')).toBe('copy');
    expect(flag(args, '-c:a')).toBe('copy');
    expect(flag(args, '-hls_playlist_type')).toBe('event');
    expect(args.at(-1)).toBe('/t/s/media.m3u8');
    expect(args).not.toContain('-force_key_frames');
  });

  it('burns an image subtitle in through an overlay', () => {
    const args = ffmpegHlsArgs({ input: '/m/a.mkv', decision: { ...transcode, burnSubtitle: { index: 4 } as never }, outDir: '/t/s', startSegment: 0 });
    expect(flag(args, '-filter_complex')).toBe('[0:0][0:4]overlay,scale=1280:720[v]');
    expect(flag(args, '-map')).toBe('[v]');
  });
});
