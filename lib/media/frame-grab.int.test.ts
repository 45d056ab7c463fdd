import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFfmpeg } from '@/test/fixture-ffmpeg';
import { resolveFfmpegBinaries } from './ffmpeg-path';
import { encodeFixtureMedia } from './fixtures/fixture-media';
import { FrameGrabError, grabFrame } from './frame-grab';

let root: string;
let files: Record<string, string>;
let ffmpegPath: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'marquee-frame-'));
  ffmpegPath = (await resolveFfmpegBinaries()).ffmpeg.path;
  files = await encodeFixtureMedia(root, await fixtureFfmpeg());
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function timedGrab(file: string, at: number, options: { width?: number; toneMap?: boolean } = {}) {
  const started = performance.now();
  const jpeg = await grabFrame(files[file], at, { ffmpegPath, ...options });
  const ms = Math.round(performance.now() - started);
  console.log(`[frame-grab] ${file} at ${at} s${options.toneMap ? ' (tone-mapped)' : ''}: ${ms} ms, ${jpeg.length} bytes`);
  return sharp(jpeg).metadata();
}

describe('grabFrame', () => {
  it.each([
    ['h264-aac.mp4', {}], // has a 200×300 PNG cover, which must not be what we grab
    ['hevc-ac3-srt.mkv', {}],
    ['vp9-opus.webm', {}],
    ['av1-opus.mp4', {}],
    ['mpeg2-mp2.ts', {}],
    ['hevc-10bit-hdr10.mkv', { toneMap: true }],
  ])('%s → a 320×180 JPEG of the video, not upscaled to 640', async (file, options) => {
    expect(await timedGrab(file, 1, options)).toMatchObject({ format: 'jpeg', width: 320, height: 180 });
  });

  it('scales down to the requested width, keeping the aspect ratio', async () => {
    expect(await timedGrab('h264-aac.mp4', 0.5, { width: 160 })).toMatchObject({ width: 160, height: 90 });
  });

  it('a time past the end is no_frame', async () => {
    await expect(grabFrame(files['h264-aac.mp4'], 60, { ffmpegPath })).rejects.toMatchObject({ reason: 'no_frame' });
  });

  it('a missing file is unreadable, without its path in the message', async () => {
    const err = await grabFrame(join(root, 'missing.mkv'), 1, { ffmpegPath }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FrameGrabError);
    expect(err).toMatchObject({ reason: 'unreadable' });
    expect((err as Error).message).not.toContain(root);
  });

  it('times out', async () => {
    await expect(grabFrame(files['hevc-ac3-srt.mkv'], 1, { ffmpegPath, timeoutMs: 1 })).rejects.toMatchObject({ reason: 'timeout' });
  });
});
