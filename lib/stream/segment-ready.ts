// Which segments of a session are complete: those listed in one of ffmpeg's playlists in the
// session folder. ffmpeg lists a segment only after closing it, in every build we may run; a file
// merely existing is not enough — the 2018 build bundled from npm writes segments in place (its
// `temp_file` flag covers playlists only), so a request could read a segment still being written.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SEGMENT_PATTERN } from './hls';

/** Segment numbers listed in `text` (an m3u8); a torn last line of a playlist being rewritten never matches. */
export function listedSegments(text: string): number[] {
  const out: number[] = [];
  for (const line of text.split('\n')) {
    const m = SEGMENT_PATTERN.exec(basename(line.trim()));
    if (m) out.push(Number(m[1]));
  }
  return out;
}

export async function readySegments(dir: string): Promise<Set<number>> {
  const ready = new Set<number>();
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.endsWith('.m3u8'))
      .map(async (n) => {
        const text = await readFile(join(dir, n), 'utf8').catch(() => '');
        for (const seg of listedSegments(text)) ready.add(seg);
      }),
  );
  return ready;
}
