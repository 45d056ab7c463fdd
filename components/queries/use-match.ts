// How an item was matched online (admins' Identify), and the fix: a provider's record chosen by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { matchViewSchema } from '@/lib/metadata/online/online-admin';
import { apiFetch } from './api-fetch';
import { mediaKeys, type MediaDetail } from './use-media';

export type MatchView = z.infer<typeof matchViewSchema>;
export type MatchCandidate = MatchView['candidates'][number];

export const matchKeys = {
  all: ['match'] as const,
  detail: (id: string) => [...matchKeys.all, id] as const,
};

const path = (id: string) => `/api/v1/media/${encodeURIComponent(id)}`;

export function useMatch(id: string, initialData?: MatchView) {
  return useQuery({
    queryKey: matchKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<MatchView>(`${path(id)}/match`, { signal }),
    initialData,
  });
}

/** A provider's record: `{ provider: 'tmdb', id: '603' }`. */
export type ProviderRecord = { provider: string; id: string };

/** PATCH the item with the chosen record; its match and its details are read again. */
export function useFixMatch(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (record: ProviderRecord) => apiFetch<MediaDetail>(path(id), { method: 'PATCH', body: { provider: record.provider, provider_id: record.id } }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: matchKeys.detail(id) }), qc.invalidateQueries({ queryKey: mediaKeys.detail(id) })]),
  });
}
