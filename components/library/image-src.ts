// URLs for stored artwork at a width: the image route serves the narrowest stored width at least as wide.

/** `<url>?w=<width>`, or null when the item has no image. */
export function imageSrc(url: string | null | undefined, width: number): string | null {
  return url ? `${url}?w=${width}` : null;
}

/** A srcset over `widths` (the browser picks by layout width × pixel ratio). */
export function imageSrcSet(url: string | null | undefined, widths: readonly number[]): string | undefined {
  return url ? widths.map((w) => `${url}?w=${w} ${w}w`).join(', ') : undefined;
}
