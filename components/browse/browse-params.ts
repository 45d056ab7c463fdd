// The /movies and /shows grids' state — sort, watched, genre, year and title search — as it sits in
// the address (?sort=year&genre=Drama…): read leniently (a bad value falls back to the default, so
// an old or hand-made link still opens), written with defaults left out, and turned into the
// GET /api/v1/media query.
export type BrowseKind = 'movie' | 'show';
export type BrowseSort = 'title' | 'year' | 'added' | 'rating';
export type BrowseWatched = '' | 'watched' | 'unwatched' | 'in_progress';

export interface BrowseFilters {
  sort: BrowseSort;
  watched: BrowseWatched;
  genre: string;
  year: number | null;
  q: string;
}

export const DEFAULT_FILTERS: BrowseFilters = { sort: 'title', watched: '', genre: '', year: null, q: '' };

export const BROWSE_SORTS: { value: BrowseSort; label: string }[] = [
  { value: 'title', label: 'Title' },
  { value: 'year', label: 'Year' },
  { value: 'added', label: 'Recently added' },
  { value: 'rating', label: 'Rating' },
];

export const BROWSE_WATCHED: { value: BrowseWatched; label: string }[] = [
  { value: '', label: 'Watched or not' },
  { value: 'unwatched', label: 'Unwatched' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'watched', label: 'Watched' },
];

/** One page holds the grid for all but the largest collections. */
export const BROWSE_PAGE_SIZE = 200;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

const oneOf = <T extends string>(v: string, options: { value: T }[], fallback: T): T => options.find((o) => o.value === v)?.value ?? fallback;

export function parseBrowseParams(params: Params): BrowseFilters {
  const year = Number(first(params, 'year'));
  return {
    sort: oneOf(first(params, 'sort'), BROWSE_SORTS, 'title'),
    watched: oneOf(first(params, 'watched'), BROWSE_WATCHED, ''),
    genre: first(params, 'genre').trim().slice(0, 100),
    year: Number.isInteger(year) && year >= 1800 && year <= 2200 ? year : null,
    q: first(params, 'q').slice(0, 200),
  };
}

/** The address's query for these filters (`?…`, or '' when all are defaults). */
export function browseSearch(f: BrowseFilters): string {
  const out = new URLSearchParams();
  if (f.q.trim()) out.set('q', f.q.trim());
  if (f.sort !== 'title') out.set('sort', f.sort);
  if (f.watched) out.set('watched', f.watched);
  if (f.genre) out.set('genre', f.genre);
  if (f.year !== null) out.set('year', String(f.year));
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** The GET /api/v1/media query for a kind and these filters. */
export function browseApiQuery(kind: BrowseKind, f: BrowseFilters): URLSearchParams {
  const out = new URLSearchParams({ kind, sort: f.sort, page_size: String(BROWSE_PAGE_SIZE) });
  if (f.watched) out.set('watched', f.watched);
  if (f.genre) out.set('genre', f.genre);
  if (f.year !== null) out.set('year', String(f.year));
  if (f.q.trim()) out.set('q', f.q.trim());
  return out;
}

/** Whether anything narrows the list (for the empty state: "nothing matches" vs "nothing here"). */
export const isFiltered = (f: BrowseFilters) => Boolean(f.watched || f.genre || f.year !== null || f.q.trim());
