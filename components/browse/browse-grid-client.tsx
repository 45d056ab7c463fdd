'use client';
// /movies and /shows: every movie or show across libraries as a poster grid, with a title search
// that filters as you type, your watched state, genre and year filters, and a sort. The filters sit
// in the address (?q=&sort=&watched=&genre=&year=) so a filtered view can be shared or reloaded.
import { useEffect, useState } from 'react';
import { MediaGrid } from '@/components/library/media-grid';
import { formError } from '@/components/queries/api-fetch';
import { useBrowse, type BrowsePage } from '@/components/queries/use-browse';
import { Alert } from '@/components/ui/alert';
import { inputClass } from '@/components/ui/input-class';
import { SelectField } from '@/components/ui/select-field';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { BROWSE_SORTS, BROWSE_WATCHED, browseSearch, DEFAULT_FILTERS, isFiltered, type BrowseFilters, type BrowseKind, type BrowseSort, type BrowseWatched } from './browse-params';

interface BrowseGridProps {
  kind: BrowseKind;
  initialFilters: BrowseFilters;
  initialPage: BrowsePage;
}

const NOUNS = { movie: ['movie', 'movies'], show: ['show', 'shows'] } as const;

export function BrowseGrid({ kind, initialFilters, initialPage }: BrowseGridProps) {
  const [filters, setFilters] = useState(initialFilters);
  const [typed, setTyped] = useState(initialFilters.q);
  const q = useDebouncedValue(typed, 200);
  const current: BrowseFilters = { ...filters, q };
  const initial = browseSearch(current) === browseSearch(initialFilters);
  const browse = useBrowse(kind, current, initial ? initialPage : undefined);
  const page = browse.data ?? initialPage;
  const search = browseSearch(current);
  const [one, many] = NOUNS[kind];

  useEffect(() => {
    if (window.location.search !== search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [search]);

  const set = (patch: Partial<BrowseFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const genres = [{ value: '', label: 'All genres' }, ...page.genres.map((g) => ({ value: g, label: g }))];
  const years = [{ value: '', label: 'All years' }, ...page.years.map((y) => ({ value: String(y), label: String(y) }))];
  // A filter chosen before its option vanished (a genre no item has any more) still shows.
  if (filters.genre && !page.genres.includes(filters.genre)) genres.push({ value: filters.genre, label: filters.genre });
  if (filters.year !== null && !page.years.includes(filters.year)) years.push({ value: String(filters.year), label: String(filters.year) });
  const filtered = isFiltered(current);

  return (
    <section aria-labelledby="browse-heading" className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <h2 id="browse-heading" className="mr-auto text-lg font-semibold text-zinc-50">
          {filtered ? 'Matching' : 'All'} {many}
          <span className="ml-2 text-sm font-normal text-zinc-500" data-testid="browse-total">
            {page.total.toLocaleString('en')}
          </span>
        </h2>
        <div className="w-full sm:w-56">
          <label htmlFor="browse-search" className="sr-only">
            Search {many}
          </label>
          <input
            id="browse-search"
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={`Search ${many}…`}
            autoComplete="off"
            maxLength={200}
            className={inputClass}
          />
        </div>
        <div className="grid w-full grid-cols-2 gap-3 sm:flex sm:w-auto">
          <SelectField label="Watched" hideLabel options={BROWSE_WATCHED} value={filters.watched} onChange={(e) => set({ watched: e.target.value as BrowseWatched })} className="sm:w-36" />
          {/* No genres or years known yet (no metadata): no filter that could only say "All". */}
          {genres.length > 1 && <SelectField label="Genre" hideLabel options={genres} value={filters.genre} onChange={(e) => set({ genre: e.target.value })} className="sm:w-40" />}
          {years.length > 1 && (
            <SelectField label="Year" hideLabel options={years} value={filters.year === null ? '' : String(filters.year)} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : null })} className="sm:w-32" />
          )}
          <SelectField label="Sort by" hideLabel options={BROWSE_SORTS} value={filters.sort} onChange={(e) => set({ sort: e.target.value as BrowseSort })} className="sm:w-40" />
        </div>
      </div>

      {browse.isError && <Alert tone="error">{formError(browse.error)}</Alert>}
      {page.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-white/15 bg-zinc-900/40 px-6 py-12 text-center text-sm text-zinc-400" role="status">
          {filtered ? (
            <>
              <p>No {one} matches{q.trim() ? ` “${q.trim()}”` : ' these filters'}.</p>
              <button
                type="button"
                onClick={() => {
                  setFilters(DEFAULT_FILTERS);
                  setTyped('');
                }}
                className="mt-3 rounded-lg px-3 py-1.5 font-medium text-accent-300 ring-1 ring-inset ring-white/15 hover:bg-white/5"
              >
                Clear filters
              </button>
            </>
          ) : (
            <p>No {many} yet. {kind === 'show' ? 'Add a TV library' : 'Add a movie library'} under Libraries, or find {many} under Discover.</p>
          )}
        </div>
      ) : (
        <>
          <div aria-busy={browse.isFetching} className={browse.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
            <MediaGrid items={page.items} label={`All ${many}`} />
          </div>
          {page.total > page.items.length && (
            <p className="text-center text-xs text-zinc-500">
              Showing the first {page.items.length.toLocaleString('en')} of {page.total.toLocaleString('en')}. Search or filter to find the rest.
            </p>
          )}
        </>
      )}
    </section>
  );
}
