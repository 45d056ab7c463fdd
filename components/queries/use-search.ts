// Title search across every library (up to 50 matches).
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';
import type { MediaItem } from './use-library-media';

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string) => [...searchKeys.all, q] as const,
};

export function useSearch(q: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => apiFetch<MediaItem[]>(`/api/v1/search?${new URLSearchParams({ q })}`, { signal }),
    enabled: enabled && q.trim() !== '',
  });
}
