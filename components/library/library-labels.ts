// Words for library types and scan states, shared by cards, the library page and the home page.
type LibraryType = 'movies' | 'tv' | 'videos' | 'mixed';

export const LIBRARY_TYPES: { value: LibraryType; label: string }[] = [
  { value: 'movies', label: 'Movies' },
  { value: 'tv', label: 'TV shows' },
  { value: 'mixed', label: 'Movies and TV shows' },
  { value: 'videos', label: 'Videos' },
];

/** What each type does with the files it finds (under the type field of the library forms). */
export const LIBRARY_TYPE_HINTS: Record<LibraryType, string> = {
  movies: 'Every video is a movie, named by its file or folder.',
  tv: 'Show folders with seasons and episodes (S01E02, Season 1…).',
  mixed: 'Both, told apart by name and folder: S01E02 names and season folders are episodes, the rest movies.',
  videos: 'Home videos and clips: file names as they are, no online lookups.',
};

export function libraryTypeLabel(type: LibraryType): string {
  return LIBRARY_TYPES.find((t) => t.value === type)?.label ?? type;
}

/** "1 movie", "3 shows", "12 videos", "5 titles" */
export function itemCount(type: LibraryType, n: number): string {
  const noun = type === 'movies' ? 'movie' : type === 'tv' ? 'show' : type === 'mixed' ? 'title' : 'video';
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
