// The online catalog (TMDB): search shows or movies, also ones in no library, and follow a show
// from it (added to a TV library when it is new).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { catalogResultSchema } from '@/lib/metadata/online/online-admin';
import { apiFetch } from './api-fetch';

export type CatalogResult = z.infer<typeof catalogResultSchema>[number];
export type CatalogType = CatalogResult['type'];

export const catalogKeys = {
  all: ['catalog'] as const,
  searches: () => [...catalogKeys.all, 'search'] as const,
  search: (q: string, type: CatalogType) => [...catalogKeys.searches(), type, q] as const,
};

export function useCatalogSearch(q: string, type: CatalogType) {
  return useQuery({
    queryKey: catalogKeys.search(q, type),
    queryFn: ({ signal }) => apiFetch<CatalogResult[]>(`/api/v1/catalog/search?${new URLSearchParams({ q, type })}`, { signal }),
    enabled: q.trim() !== '',
    // A missing key (503) or a missing record will not fix itself on a retry.
    retry: false,
  });
}

/** Follows a show by its provider id; searches are read again so the result links to its page. */
export function useFollowFromCatalog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: Pick<CatalogResult, 'provider' | 'provider_id'>) =>
      apiFetch<{ id: string; created: boolean }>('/api/v1/catalog/follow', { method: 'POST', body: { provider: r.provider, provider_id: r.provider_id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogKeys.searches() }),
  });
}
