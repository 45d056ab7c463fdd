// Words for library types and scan states, shared by cards, the library page and the home page.
type LibraryType = 'movies' | 'tv' | 'videos';

export const LIBRARY_TYPES: { value: LibraryType; label: string }[] = [
  { value: 'movies', label: 'Movies' },
  { value: 'tv', label: 'TV shows' },
  { value: 'videos', label: 'Videos' },
];

export function libraryTypeLabel(type: LibraryType): string {
  return LIBRARY_TYPES.find((t) => t.value === type)?.label ?? type;
}

/** "1 movie", "3 shows", "12 videos" */
export function itemCount(type: LibraryType, n: number): string {
  const noun = type === 'movies' ? 'movie' : type === 'tv' ? 'show' : 'video';
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** "Scanning… 40 %", "Queued", "Up to date", "Not scanned yet", "Scan failed". */
export function scanStatusText(status: string, progress: number | null, lastScanAt: string | null): string {
  switch (status) {
    case 'scanning':
      return progress === null ? 'Scanning…' : `Scanning… ${Math.round(progress * 100)} %`;
    case 'queued':
      return 'Queued';
    case 'error':
      return 'Scan failed';
    default:
      return lastScanAt ? 'Up to date' : 'Not scanned yet';
  }
}

export type ScanTone = 'busy' | 'ok' | 'error' | 'idle';

export function scanTone(status: string, lastScanAt: string | null): ScanTone {
  if (status === 'scanning' || status === 'queued') return 'busy';
  if (status === 'error') return 'error';
  return lastScanAt ? 'ok' : 'idle';
}
