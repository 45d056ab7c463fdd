// The base names a media file's sidecars (NFO, artwork) may use: its own name without extension,
// and for a stacked multi-part file ("Movie cd1.avi") also the name without the part marker.

// Kodi's default <moviestacking> markers: cd1, dvd2, part3, pt4, disc5, disk6 (spaces, _ . - around).
const STACK_MARKER = /[ _.-]*(?:cd|dvd|part|pt|dis[ck])[ _.-]*\d+$/i;

/** Media file name → [its base name, its stack base name if different]. "" and dot-files give []. */
export function sidecarBaseNames(mediaFileName: string | null | undefined): string[] {
  if (!mediaFileName) return [];
  const file = mediaFileName.split(/[\\/]/).pop() ?? '';
  const dot = file.lastIndexOf('.');
  const base = dot > 0 ? file.slice(0, dot) : file;
  if (!base || base.startsWith('.')) return [];
  const stacked = base.replace(STACK_MARKER, '');
  return stacked && stacked !== base ? [base, stacked] : [base];
}

/** Case-insensitive lookup of directory entries by name (NAS shares mix cases freely). */
export function entryIndex(entries: readonly string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of entries) {
    const key = entry.toLowerCase();
    if (!index.has(key)) index.set(key, entry);
  }
  return index;
}
