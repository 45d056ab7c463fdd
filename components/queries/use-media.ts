// One movie, show or video with its files and their facts; refetched on a backoff while its poster
// is still a placeholder.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { fileViewSchema, mediaDetailSchema } from '@/lib/library/media-views';
import { apiFetch } from './api-fetch';
import { artworkPollDelay } from './artwork-poll';

export type MediaDetail = z.infer<typeof mediaDetailSchema>;
export type MediaFile = z.infer<typeof fileViewSchema>;

export const mediaKeys = {
  all: ['media'] as const,
  detail: (id: string) => [...mediaKeys.all, id] as const,
};

export function useMedia(id: string, initialData?: MediaDetail) {
  return useQuery({
    queryKey: mediaKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<MediaDetail>(`/api/v1/media/${encodeURIComponent(id)}`, { signal }),
    initialData,
    // No poster yet (a scan's artwork jobs still running): refetch on a backoff (artwork-poll.ts).
    refetchInterval: (query) => artworkPollDelay(query.state.data ? [query.state.data] : undefined, query.state.dataUpdateCount),
  });
}
