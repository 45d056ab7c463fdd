// How a library's grid is sorted and how much of it is loaded: shared by the page (first load)
// and the grid's query, so both ask for the same list.
export type MediaSort = 'title' | 'year' | 'added';

export const MEDIA_SORTS: { value: MediaSort; label: string }[] = [
  { value: 'title', label: 'Title' },
  { value: 'year', label: 'Year' },
  { value: 'added', label: 'Recently added' },
];

export type WatchedFilter = '' | 'watched' | 'unwatched' | 'in_progress';

export const WATCHED_FILTERS: { value: WatchedFilter; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'unwatched', label: 'Unwatched' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'watched', label: 'Watched' },
];

/** One page holds the whole grid for all but the largest libraries; search covers the rest. */
export const MEDIA_PAGE_SIZE = 500;

/** Titles A→Z; years and additions newest first. */
export function mediaListQuery(sort: MediaSort, watched: WatchedFilter = '') {
  return { sort, ascending: sort === 'title' ? ('true' as const) : ('false' as const), page: 1, page_size: MEDIA_PAGE_SIZE, ...(watched ? { watched } : {}) };
}
