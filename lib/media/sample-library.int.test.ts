import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpegBinaries } from './ffmpeg-path';
import {
  ensureSampleLibrary,
  SAMPLE_EPISODE_FILES,
  SAMPLE_MOVIE_FILE,
  SAMPLE_SUBTITLE_FILE,
} from './sample-library';

const execFileAsync = promisify(execFile);

type Probe = {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; pix_fmt?: string }[];
  format: { format_name: string; duration: string };
};

let root: string;
let dir: string;
let ffmpegPath: string;
let ffprobePath: string;

async function probe(file: string): Promise<Probe> {
  const args = ['-v', 'error', '-of', 'json', '-show_streams', '-show_format', file];
  return JSON.parse((await execFileAsync(ffprobePath, args)).stdout) as Probe;
}

function codecs(p: Probe) {
  const of = (type: string) => p.streams.find((s) => s.codec_type === type);
  return { video: of('video'), audio: of('audio')?.codec_name };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'marquee-sample-'));
  dir = join(root, 'sample-media');
  const bins = await resolveFfmpegBinaries();
  ffmpegPath = bins.ffmpeg.path;
  ffprobePath = bins.ffprobe.path;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ensureSampleLibrary', () => {
  it('an abort leaves neither the library nor a temp folder', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 300);
    await expect(ensureSampleLibrary(dir, { ffmpegPath, signal: controller.signal })).rejects.toThrow('stop');
    expect(await readdir(root)).toEqual([]);
  });

  it('generates the library', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const result = await ensureSampleLibrary(dir, { ffmpegPath });
    console.log(`[sample-library] generated with ${ffmpegPath} in ${Math.round(performance.now() - started)} ms`);
    expect(result).toEqual({ created: true, dir, warnings: [] });
    expect(await readdir(root)).toEqual(['sample-media']); // temp sibling renamed away

    const movie = await probe(join(dir, SAMPLE_MOVIE_FILE));
    expect(codecs(movie).video).toMatchObject({ codec_name: 'h264', width: 640, height: 360, pix_fmt: 'yuv420p' });
    expect(codecs(movie).audio).toBe('aac');
    expect(movie.format.format_name).toContain('mp4');
    expect(Math.abs(Number(movie.format.duration) - 10)).toBeLessThanOrEqual(0.5);

    const episodes = await Promise.all(SAMPLE_EPISODE_FILES.map((f) => probe(join(dir, f))));
    for (const episode of episodes) {
      expect(codecs(episode).video).toMatchObject({ codec_name: 'hevc', width: 640, height: 360 });
      expect(codecs(episode).audio).toBe('ac3');
      expect(episode.format.format_name).toContain('matroska');
      expect(Math.abs(Number(episode.format.duration) - 6)).toBeLessThanOrEqual(0.5);
    }

    const srt = await readFile(join(dir, SAMPLE_SUBTITLE_FILE), 'utf8');
    expect(srt.match(/-->/g)).toHaveLength(3);
    expect(SAMPLE_SUBTITLE_FILE).toBe('TV/Test Card Show/Season 01/Test Card Show - S01E01.en.srt');
    expect(SAMPLE_EPISODE_FILES).toContain('TV/Test Card Show/Season 02/Test Card Show - S02E02.mkv');
  });

  it('a second call returns created:false and touches nothing', async () => {
    const before = (await stat(join(dir, SAMPLE_MOVIE_FILE))).mtimeMs;
    const started = performance.now();
    expect(await ensureSampleLibrary(dir, { ffmpegPath })).toEqual({ created: false, dir, warnings: [] });
    expect(performance.now() - started).toBeLessThan(100); // no ffmpeg was started
    expect((await stat(join(dir, SAMPLE_MOVIE_FILE))).mtimeMs).toBe(before);
    expect(await readdir(root)).toEqual(['sample-media']);
  });
});
