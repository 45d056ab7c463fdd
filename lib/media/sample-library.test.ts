import { describe, expect, it } from 'vitest';
import { parseEncoders, planSampleLibrary, SAMPLE_EPISODE_FILES, SAMPLE_MOVIE_FILE } from './sample-library';

const ENCODERS_OUTPUT = `Encoders:
 V..... = Video
 A..... = Audio
 ------
 V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
 V....D libx265              libx265 H.265 / HEVC (codec hevc)
 A....D aac                  AAC (Advanced Audio Coding)
 A....D ac3                  ATSC A/52A (AC-3)
 S..... srt                  SubRip subtitle (codec subrip)
`;

const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];

describe('parseEncoders', () => {
  it('reads encoder names and skips the legend', () => {
    expect([...parseEncoders(ENCODERS_OUTPUT)].sort()).toEqual(['aac', 'ac3', 'libx264', 'libx265', 'srt']);
  });
});

describe('planSampleLibrary', () => {
  it.each([
    { encoders: ['libx264', 'libx265', 'aac', 'ac3'], tvVideo: 'libx265', tvAudio: 'ac3', warnings: 0 },
    { encoders: ['libx264', 'aac', 'ac3'], tvVideo: 'libx264', tvAudio: 'ac3', warnings: 1 },
    { encoders: ['libx264', 'libx265', 'aac'], tvVideo: 'libx265', tvAudio: 'aac', warnings: 1 },
    { encoders: ['libx264', 'aac'], tvVideo: 'libx264', tvAudio: 'aac', warnings: 2 },
  ])('with $encoders: TV is $tvVideo/$tvAudio', ({ encoders, tvVideo, tvAudio, warnings }) => {
    const plan = planSampleLibrary(new Set(encoders));
    expect(plan.warnings).toHaveLength(warnings);
    const [movie, ...episodes] = plan.encodes;
    expect(movie.file).toBe(SAMPLE_MOVIE_FILE);
    expect(flag(movie.args, '-c:v')).toBe('libx264');
    expect(flag(movie.args, '-c:a')).toBe('aac');
    expect(flag(movie.args, '-t')).toBe('10');
    expect(flag(movie.args, '-movflags')).toBe('+faststart');
    expect(episodes.map((e) => e.file)).toEqual(SAMPLE_EPISODE_FILES);
    for (const e of episodes) {
      expect(flag(e.args, '-c:v')).toBe(tvVideo);
      expect(flag(e.args, '-c:a')).toBe(tvAudio);
      expect(flag(e.args, '-t')).toBe('6');
    }
  });

  it('refuses an ffmpeg without libx264 or aac', () => {
    expect(() => planSampleLibrary(new Set(['libx265', 'ac3']), '/x/ffmpeg')).toThrow(
      '/x/ffmpeg has no libx264 or aac encoder',
    );
  });
});
