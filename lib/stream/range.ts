// HTTP Range for direct play, pure: one byte range (what players send); multi-range requests are
// answered with the whole file, as RFC 9110 allows.

export type ByteRange = { start: number; end: number };

/**
 * `null` → send the whole file (no header, or one we ignore); `'unsatisfiable'` → 416;
 * otherwise the inclusive range to send with 206.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    // Suffix: the last N bytes.
    const n = Number(b);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  if (start >= size) return 'unsatisfiable';
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (end < start) return null;
  return { start, end };
}

const CONTENT_TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  ts: 'video/mp2t',
  mpeg: 'video/mpeg',
  ogg: 'video/ogg',
};

export function contentTypeFor(container: string): string {
  return CONTENT_TYPES[container] ?? 'application/octet-stream';
}
