// A show's seasons, and one season with its episodes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { episodeSchema, seasonDetailSchema, seasonSchema } from '@/lib/library/media-views';
import { apiFetch } from './api-fetch';

export type Season = z.infer<typeof seasonSchema>;
export type SeasonDetail = z.infer<typeof seasonDetailSchema>;
export type Episode = z.infer<typeof episodeSchema>;

export const seasonKeys = {
  all: ['seasons'] as const,
  list: (showId: string) => [...seasonKeys.all, 'list', showId] as const,
  detail: (seasonId: string) => [...seasonKeys.all, 'detail', seasonId] as const,
};

export function useSeasons(showId: string, initialData?: Season[]) {
  return useQuery({
    queryKey: seasonKeys.list(showId),
    queryFn: ({ signal }) => apiFetch<Season[]>(`/api/v1/tv/${encodeURIComponent(showId)}/season`, { signal }),
    initialData,
  });
}

export function useSeason(seasonId: string, initialData?: SeasonDetail) {
  return useQuery({
    queryKey: seasonKeys.detail(seasonId),
    queryFn: ({ signal }) => apiFetch<SeasonDetail>(`/api/v1/season/${encodeURIComponent(seasonId)}`, { signal }),
    initialData,
    placeholderData: keepPreviousData,
  });
}
