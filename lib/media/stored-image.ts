// findStoredImage: the stored WebP variant for an image key and a wanted width, for the image route.
// The key is parsed against its strict pattern first, so a request never names a file by itself.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ApiError } from '@/lib/errors/api-error';
import { parseImageKey, pickWidth } from './image-key';
import { imagesDir, variantPath } from './image-variants';

export type StoredImage = {
  width: number;
  size: number;
  /** Strong: a variant's bytes never change under its name (the name comes from its source). */
  etag: string;
  open(): ReadableStream<Uint8Array>;
};

const notFound = () => new ApiError('not_found', 'No such image.');

export async function findStoredImage(key: string, wanted: number | undefined, dir = imagesDir()): Promise<StoredImage> {
  const parsed = parseImageKey(key);
  if (!parsed) throw notFound();
  const width = pickWidth(parsed.widths, wanted);
  const path = join(dir, variantPath(parsed.hash, width));
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw notFound();
  return {
    width,
    size: info.size,
    etag: `"${parsed.hash}-${width}"`,
    open: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
  };
}
