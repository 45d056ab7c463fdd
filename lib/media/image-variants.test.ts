import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageHashKey, InvalidImageError, makeWebpVariants, variantPath, variantWidths } from './image-variants';

const image = (width: number, height: number, format: 'png' | 'jpeg' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })[format]().toBuffer();

describe('variantWidths', () => {
  it.each([
    ['poster', 2000, [200, 400, 800]],
    ['poster', 800, [200, 400, 800]],
    ['poster', 500, [200, 400, 500]],
    ['poster', 150, [150]],
    ['backdrop', 3840, [640, 1280, 1920]],
    ['backdrop', 1280, [640, 1280]],
    ['backdrop', 1000, [640, 1000]],
    ['thumb', 1920, [320, 640]],
    ['thumb', 640, [320, 640]],
    ['thumb', 100, [100]],
  ] as const)('%s from %d px wide → %j', (kind, source, expected) => {
    expect(variantWidths(kind, source)).toEqual(expected);
  });
});

describe('makeWebpVariants', () => {
  it('makes the poster widths as WebP at the source aspect ratio', async () => {
    const variants = await makeWebpVariants(await image(1000, 1500), 'poster');
    expect(variants.map((v) => [v.width, v.height])).toEqual([
      [200, 300],
      [400, 600],
      [800, 1200],
    ]);
    for (const v of variants) expect(await sharp(v.buffer).metadata()).toMatchObject({ format: 'webp', width: v.width });
  });

  it('never upscales a small image', async () => {
    const variants = await makeWebpVariants(await image(300, 169), 'thumb');
    expect(variants.map((v) => v.width)).toEqual([300]);
  });

  it('applies EXIF orientation and strips the metadata', async () => {
    // A 400×200 JPEG tagged "rotate 90° clockwise" (orientation 6) displays 200×400.
    const rotated = await sharp(await image(400, 200, 'jpeg'))
      .withExif({ IFD0: { Copyright: 'secret camera owner' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(rotated).metadata()).orientation).toBe(6);
    const [small] = await makeWebpVariants(rotated, 'poster');
    expect([small.width, small.height]).toEqual([200, 400]);
    const meta = await sharp(small.buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(small.buffer.includes(Buffer.from('secret camera owner'))).toBe(false);
  });

  it.each([
    ['text', Buffer.from('this is not an image')],
    ['empty', Buffer.alloc(0)],
    ['a truncated PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
  ])('rejects %s with InvalidImageError', async (_, input) => {
    await expect(makeWebpVariants(input, 'poster')).rejects.toBeInstanceOf(InvalidImageError);
  });
});

describe('content keys and paths', () => {
  it('hashes the source bytes and fans out by the first two hex digits', () => {
    const key = imageHashKey(Buffer.from('poster bytes'));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(imageHashKey(Buffer.from('poster bytes'))).toBe(key);
    expect(variantPath(key, 400)).toBe(`${key.slice(0, 2)}/${key}-400.webp`);
  });
});
