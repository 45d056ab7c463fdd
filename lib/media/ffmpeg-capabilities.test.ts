import { describe, expect, it } from 'vitest';
import { featuresFrom, parseFfmpegList } from './ffmpeg-capabilities';

const ENCODERS = `Encoders:
 V..... = Video
 A..... = Audio
 ------
 V....D libx264              libx264 H.264 / AVC (codec h264)
 A....D aac                  AAC (Advanced Audio Coding)
 V....D mjpeg                MJPEG (Motion JPEG)
 S..... webvtt               WebVTT subtitle
`;
const MUXERS = `File formats:
 D. = Demuxing supported
 .E = Muxing supported
 --
  E hls             Apple HTTP Live Streaming
 DE mpegts          MPEG-TS (MPEG-2 Transport Stream)
  E image2          image2 sequence
 DE webvtt          WebVTT subtitle
 DE mov,mp4,m4a     QuickTime / MOV
`;
const FILTERS = `Filters:
  T.. = Timeline support
  | = Source or sink filter
 ... fps               V->V       Force constant framerate.
 ..C scale             V->V       Scale the input video size.
 ... tile              V->V       Tile several successive frames together.
 TSC overlay           VV->V      Overlay a video source on top of the input.
`;

describe('ffmpeg capability lists', () => {
  it('reads names after the flags column, skipping the legend, splitting comma lists', () => {
    expect([...parseFfmpegList(ENCODERS)]).toEqual(['libx264', 'aac', 'mjpeg', 'webvtt']);
    expect(parseFfmpegList(MUXERS)).toEqual(new Set(['hls', 'mpegts', 'image2', 'webvtt', 'mov', 'mp4', 'm4a']));
    expect(parseFfmpegList(FILTERS)).toEqual(new Set(['fps', 'scale', 'tile', 'overlay']));
  });

  it('turns on what a full build has', () => {
    const lists = { encoders: parseFfmpegList(ENCODERS), muxers: parseFfmpegList(MUXERS), filters: parseFfmpegList(FILTERS) };
    expect(featuresFrom(lists, null, '5.1').filter((f) => !f.ok)).toEqual([]);
  });

  it('turns off a feature whose encoder is missing and says which, and reports an ffprobe that cannot read MPEG-TS', () => {
    const lists = { encoders: new Set(['aac', 'mjpeg', 'webvtt']), muxers: parseFfmpegList(MUXERS), filters: parseFfmpegList(FILTERS) };
    const off = featuresFrom(lists, 'ffprobe 4.0 crashes on MPEG-TS files (.ts, .m2ts): they cannot be scanned.', '4.0');
    expect(off.filter((f) => !f.ok).map((f) => f.name)).toEqual(['transcode', 'probe_mpegts']);
    expect(off.find((f) => f.name === 'transcode')?.reason).toBe('ffmpeg 4.0 has no encoder libx264: transcoding to H.264/AAC HLS is off.');
    expect(off.find((f) => f.name === 'remux')?.ok).toBe(true);
  });
});
