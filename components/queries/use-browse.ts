// Every movie or every show, sorted and filtered (GET /api/v1/media); refetched on a backoff while
// some poster on screen is still a placeholder (see artwork-poll.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { browseApiQuery, type BrowseFilters, type BrowseKind } from '@/components/browse/browse-params';
import type { BrowsePage } from '@/lib/library/browse-all';
import { apiFetch } from './api-fetch';
import { artworkPollDelay } from './artwork-poll';

export type { BrowsePage };

export const browseKeys = {
  all: ['browse'] as const,
  list: (kind: BrowseKind, f: BrowseFilters) => [...browseKeys.all, kind, f.sort, f.watched, f.genre, f.year, f.q.trim()] as const,
};

export function useBrowse(kind: BrowseKind, filters: BrowseFilters, initialData?: BrowsePage) {
  return useQuery({
    queryKey: browseKeys.list(kind, filters),
    queryFn: ({ signal }) => apiFetch<BrowsePage>(`/api/v1/media?${browseApiQuery(kind, filters)}`, { signal }),
    initialData,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => artworkPollDelay(query.state.data?.items, query.state.dataUpdateCount),
  });
}
