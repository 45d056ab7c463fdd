import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFfmpeg } from '@/test/fixture-ffmpeg';
import { config } from '@/lib/config';
import { resolveFfmpegBinaries } from './ffmpeg-path';
import { encodeFixtureMedia } from './fixtures/fixture-media';
import { grabFrame } from './frame-grab';
import { imageHashKey, imagesDir, makeWebpVariants, storeImageVariants } from './image-variants';

let root: string;
let movie: string;
let ffmpegPath: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'marquee-images-'));
  ffmpegPath = (await resolveFfmpegBinaries()).ffmpeg.path;
  movie = (await encodeFixtureMedia(root, await fixtureFfmpeg()))['h264-aac.mp4'];
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A photo-sized JPEG (noise, so it does not compress to nothing like a flat colour would). */
const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .toBuffer();

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('storeImageVariants', () => {
  it('writes <images>/<aa>/<hash>-<w>.webp under DATA_DIR and returns relative paths', async () => {
    expect(imagesDir()).toBe(join(config().paths.data, 'images'));
    const input = await photo(2000, 3000);
    const started = performance.now();
    const variants = await makeWebpVariants(input, 'poster');
    const made = performance.now();
    const key = imageHashKey(input);
    const stored = await storeImageVariants(imagesDir(), key, variants);
    const done = performance.now();
    console.log(
      `[image-variants] 2000×3000 JPEG poster (${input.length} bytes) → ${variants.map((v) => `${v.width}w ${v.buffer.length} B`).join(', ')}` +
        ` in ${Math.round(made - started)} ms, stored in ${Math.round(done - made)} ms`,
    );

    const aa = key.slice(0, 2);
    expect(stored).toEqual([200, 400, 800].map((width) => ({ width, path: `${aa}/${key}-${width}.webp` })));
    expect(await listTree(imagesDir())).toEqual(stored.map((s) => s.path).sort()); // no temp files left
    for (const { width, path } of stored) {
      expect(await sharp(await readFile(join(imagesDir(), path))).metadata()).toMatchObject({ format: 'webp', width });
    }
  });

  it('storing the same image twice at once leaves one intact copy of each variant', async () => {
    const dir = join(root, 'race');
    const input = await photo(1280, 720);
    const variants = await makeWebpVariants(input, 'thumb');
    const key = imageHashKey(input);
    await Promise.all([storeImageVariants(dir, key, variants), storeImageVariants(dir, key, variants)]);
    expect(await listTree(dir)).toEqual([`${key.slice(0, 2)}/${key}-320.webp`, `${key.slice(0, 2)}/${key}-640.webp`]);
    expect(await readFile(join(dir, key.slice(0, 2), `${key}-640.webp`))).toEqual(variants[1].buffer);
  });

  it.each(['../../etc/passwd', 'ABCDEF0123456789', 'short', ''])('refuses the hash key %j', async (key) => {
    await expect(storeImageVariants(join(root, 'refused'), key, [])).rejects.toThrow('hash key');
  });

  it('a write that fails leaves no temp file behind', async () => {
    const dir = join(root, 'blocked');
    const key = 'ab'.repeat(32);
    // A folder where the final file should go makes the rename fail after the temp file is written.
    await storeImageVariants(dir, key, []);
    await writeFile(join(dir, 'ab', 'keep.txt'), '');
    await mkdir(join(dir, 'ab', `${key}-200.webp`));
    await expect(storeImageVariants(dir, key, [{ width: 200, height: 300, buffer: Buffer.from('x') }])).rejects.toThrow();
    expect(await readdir(join(dir, 'ab'))).toEqual(['keep.txt', `${key}-200.webp`].sort());
  });
});

describe('frame grab → variants → store', () => {
  it('turns a still from a video into stored thumbs', async () => {
    const started = performance.now();
    const jpeg = await grabFrame(movie, 1, { ffmpegPath, width: 640 });
    const grabbed = performance.now();
    const variants = await makeWebpVariants(jpeg, 'thumb');
    const stored = await storeImageVariants(imagesDir(), imageHashKey(jpeg), variants);
    console.log(
      `[image-variants] frame grab ${Math.round(grabbed - started)} ms, variants+store ${Math.round(performance.now() - grabbed)} ms`,
    );
    expect(stored.map((s) => s.width)).toEqual([320]); // the 320×180 source is not upscaled to 640
  });
});
