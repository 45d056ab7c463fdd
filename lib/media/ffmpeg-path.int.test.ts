import { describe, expect, it } from 'vitest';
import { ffmpegInfo, ffmpegVersion, resolveBinary, resolveFfmpegBinaries } from './ffmpeg-path';

describe('ffmpeg binaries on this machine', () => {
  it('resolves both from the config (PATH) and reads their versions', async () => {
    const { ffmpeg, ffprobe } = await resolveFfmpegBinaries();
    expect(ffmpeg.path).toMatch(/ffmpeg$/);
    expect(ffprobe.path).toMatch(/ffprobe$/);
    expect(await ffmpegVersion(ffmpeg.path)).toMatch(/\S/);
    expect(await ffmpegVersion(ffprobe.path)).toMatch(/\S/);
  });

  it('finds Debian ffmpeg on PATH', async () => {
    const ffmpeg = await resolveBinary('ffmpeg', { searchPath: '/nonexistent:/usr/bin' });
    expect(ffmpeg).toEqual({ path: '/usr/bin/ffmpeg', source: 'path' });
    expect(await ffmpegVersion(ffmpeg.path)).toMatch(/^\d+\.\d+/);
  });

  it.each(['ffmpeg', 'ffprobe'] as const)('falls back to the bundled %s, which runs -version', async (name) => {
    const bin = await resolveBinary(name, { searchPath: '' });
    expect(bin.source).toBe('bundled');
    expect(bin.path).toContain(`node_modules/@${name}-installer/`);
    expect(await ffmpegVersion(bin.path)).toMatch(/^(N-\d+|n?\d+\.\d+)/);
  });

  it('ffmpegInfo is computed once and cached', async () => {
    const first = await ffmpegInfo();
    expect(first.ffmpeg.version).toMatch(/\S/);
    expect(first.ffprobe.version).toMatch(/\S/);
    expect(await ffmpegInfo()).toBe(first);
  });
});
