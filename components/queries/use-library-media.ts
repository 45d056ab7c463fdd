// A library's items for its grid: one big page, sorted by title, year or date added; refetched on a
// backoff while a poster is still a placeholder (artwork-poll.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { mediaListQuery, type MediaSort, type WatchedFilter } from '@/components/library/media-sort';
import type { mediaItemSchema } from '@/lib/library/media-views';
import { apiFetch } from './api-fetch';
import { artworkPollDelay } from './artwork-poll';

export type { MediaSort };
export type MediaItem = z.infer<typeof mediaItemSchema>;
export interface MediaPage {
  items: MediaItem[];
  page: number;
  page_size: number;
  total: number;
}

export const libraryMediaKeys = {
  all: ['library-media'] as const,
  library: (libraryId: string) => [...libraryMediaKeys.all, libraryId] as const,
  list: (libraryId: string, sort: MediaSort, watched: WatchedFilter = '') => [...libraryMediaKeys.library(libraryId), 'list', sort, watched] as const,
};

export function useLibraryMedia(libraryId: string, sort: MediaSort, initialData?: MediaPage, watched: WatchedFilter = '') {
  return useQuery({
    queryKey: libraryMediaKeys.list(libraryId, sort, watched),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams(Object.entries(mediaListQuery(sort, watched)).map(([k, v]) => [k, String(v)]));
      return apiFetch<MediaPage>(`/api/v1/library/${encodeURIComponent(libraryId)}/media?${q}`, { signal });
    },
    initialData,
    placeholderData: keepPreviousData,
    // Posters still to come (a scan's artwork jobs run after it): refetch on a backoff.
    refetchInterval: (query) => artworkPollDelay(query.state.data?.items, query.state.dataUpdateCount),
  });
}
