// Image keys: how a stored picture is named in the database and in URLs. A key is the picture's
// hex hash and the widths stored for it (`3f…c2-200-400-640`), so the image route can pick a
// variant without listing folders, and a key from a request is checked before it names a file.
// Pure and free of sharp/fs: API views import it to build URLs.

export type ParsedImageKey = { hash: string; widths: number[] };

const KEY = /^([0-9a-f]{32})((?:-[1-9][0-9]{0,3}){1,8})$/;
/** Above every width in VARIANT_WIDTHS (image-variants.ts): anything wider is not a key of ours. */
const MAX_WIDTH = 4096;

/** `<hash>-<w1>-<w2>…`, widths ascending. */
export function formatImageKey(hash: string, widths: readonly number[]): string {
  const sorted = [...new Set(widths)].sort((a, b) => a - b);
  const key = `${hash}-${sorted.join('-')}`;
  if (!parseImageKey(key)) throw new Error(`not a valid image key: ${key}`);
  return key;
}

/** The key's hash and widths, or null when it is not exactly a key we could have written. */
export function parseImageKey(key: string): ParsedImageKey | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const widths = match[2].slice(1).split('-').map(Number);
  for (let i = 0; i < widths.length; i++) {
    if (widths[i] > MAX_WIDTH || (i > 0 && widths[i] <= widths[i - 1])) return null;
  }
  return { hash: match[1], widths };
}

/** The stored width to serve for a request of `wanted` pixels: the smallest that is at least as wide, else the widest. */
export function pickWidth(widths: readonly number[], wanted: number | undefined): number {
  const widest = widths[widths.length - 1];
  if (wanted === undefined) return widest;
  return widths.find((w) => w >= wanted) ?? widest;
}

/** The URL the browser loads: `/api/v1/image/<key>` (add `?w=` for a width); null when there is no image. */
export function imageUrl(key: string | null): string | null {
  return key ? `/api/v1/image/${key}` : null;
}
