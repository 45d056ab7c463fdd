// Artwork as served: a few WebP widths per image (posters, backdrops, thumbs), content-addressed
// under `<dataDir>/images/<aa>/<hash>-<width>.webp` so the same picture is stored once.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { config } from '@/lib/config';

export type ImageKind = 'poster' | 'backdrop' | 'thumb' | 'avatar';

/** Widths clients ask for: list grids, detail pages, full screen. */
export const VARIANT_WIDTHS: Record<ImageKind, readonly number[]> = {
  poster: [200, 400, 800],
  backdrop: [640, 1280, 1920],
  thumb: [320, 640],
  avatar: [64, 128, 256],
};

export type ImageVariant = { width: number; height: number; buffer: Buffer };
export type StoredVariant = { width: number; path: string };

/** The input is not an image sharp can decode (or is over the pixel limit). */
export class InvalidImageError extends Error {
  constructor(cause: unknown) {
    super('not a decodable image', { cause });
    this.name = 'InvalidImageError';
  }
}

const MAX_INPUT_PIXELS = 100_000_000; // a 10k × 10k scan; more is an attack or a mistake
const WEBP_QUALITY = 80;

/**
 * The widths to make from a `sourceWidth`-wide image: the kind's widths it can fill, plus its own
 * width when that falls short of the largest (never upscaled, always at least one).
 */
export function variantWidths(kind: ImageKind, sourceWidth: number): number[] {
  const targets = VARIANT_WIDTHS[kind];
  const widths = targets.filter((w) => w <= sourceWidth);
  if (sourceWidth < targets[targets.length - 1] && !widths.includes(sourceWidth)) widths.push(sourceWidth);
  return widths;
}

/** WebP variants of `input` (EXIF orientation applied, metadata stripped), smallest first. */
export async function makeWebpVariants(input: Buffer, kind: ImageKind): Promise<ImageVariant[]> {
  let source: ReturnType<typeof sharp>;
  let sourceWidth: number;
  try {
    // The constructor throws for an empty buffer, metadata() rejects for anything else undecodable.
    source = sharp(input, { autoOrient: true, failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });
    const meta = await source.metadata();
    sourceWidth = meta.autoOrient?.width ?? meta.width;
  } catch (err) {
    throw new InvalidImageError(err);
  }
  try {
    // sharp drops EXIF/XMP/ICC unless asked to keep them; clone() shares the one decoded input.
    return await Promise.all(
      variantWidths(kind, sourceWidth).map(async (width) => {
        const { data, info } = await source
          .clone()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height, buffer: data };
      }),
    );
  } catch (err) {
    throw new InvalidImageError(err);
  }
}

/** A content key for an image: the SHA-256 of its source bytes, hex. */
export function imageHashKey(input: Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/** Where stored images live: `<dataDir>/images`. */
export function imagesDir(): string {
  return join(config().paths.data, 'images');
}

/** The path of one variant relative to the images folder: `ab/ab12…-400.webp`. */
export function variantPath(hashKey: string, width: number): string {
  return `${hashKey.slice(0, 2)}/${hashKey}-${width}.webp`;
}

/**
 * Writes each variant to `<dir>/<aa>/<hash>-<width>.webp` through a temp file and a rename, so a
 * reader never sees half an image; returns the paths relative to `dir`.
 */
export async function storeImageVariants(dir: string, hashKey: string, variants: readonly ImageVariant[]): Promise<StoredVariant[]> {
  if (!/^[0-9a-f]{16,128}$/.test(hashKey)) throw new Error('image hash key must be 16–128 lower-case hex digits');
  await mkdir(join(dir, hashKey.slice(0, 2)), { recursive: true });
  return Promise.all(
    variants.map(async ({ width, buffer }) => {
      const path = variantPath(hashKey, width);
      const final = join(dir, path);
      const temp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, buffer);
        await rename(temp, final);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { width, path };
    }),
  );
}
