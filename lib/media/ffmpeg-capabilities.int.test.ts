// The capability probe against real builds: the one this run resolves (the system's, or the one
// bundled from npm in the bundled-ffmpeg pass) does everything playback needs; the ffprobe
// bundled from npm crashes on MPEG-TS and is reported, not trusted.
import { describe, expect, it } from 'vitest';
import { checkProbeReadsTs, ffmpegCapabilities } from './ffmpeg-capabilities';
import { ffmpegInfo, nodeBinaryDeps } from './ffmpeg-path';

describe('ffmpeg capability probe', () => {
  it('finds transcode, remux, trickplay and subtitles in the build in use', async () => {
    const { ffmpeg } = await ffmpegInfo();
    const caps = await ffmpegCapabilities();
    const byName = Object.fromEntries(caps.features.map((f) => [f.name, f]));
    for (const name of ['transcode', 'remux', 'trickplay', 'subtitles', 'burn_subtitles']) expect(byName[name], `${name} with ${ffmpeg.path}`).toMatchObject({ ok: true, reason: null });
  });

  it('reports an ffprobe that crashes on MPEG-TS (the one bundled from npm), and passes one that reads it', async () => {
    const { ffmpeg, ffprobe } = await ffmpegInfo();
    const bundled = await nodeBinaryDeps.bundledPath('ffprobe');
    expect(bundled).toBeDefined();
    expect(await checkProbeReadsTs(ffmpeg.path, bundled!, 'bundled')).toMatch(/^ffprobe bundled crashes on MPEG-TS files/);
    if (ffprobe.source !== 'bundled') expect(await checkProbeReadsTs(ffmpeg.path, ffprobe.path, ffprobe.version)).toBeNull();
  });
});
