// API keys for the TVDB proxy (/tvdb/v4), for admins: a searchable, paged list, usage, and create,
// edit, rotate, delete. Create and rotate answer with the key (and PIN) once.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createProxyKeySchema, issuedProxyKeySchema, proxyKeyPageSchema, ProxyKeyView, proxyUsageSchema, updateProxyKeySchema } from '@/lib/tvdb/proxy-keys';
import { apiFetch } from './api-fetch';

export type { ProxyKeyView };
export type ProxyKeyPage = z.infer<typeof proxyKeyPageSchema>;
export type IssuedProxyKey = z.infer<typeof issuedProxyKeySchema>;
export type ProxyUsage = z.infer<typeof proxyUsageSchema>;
export type ProxyKeyCreate = z.input<typeof createProxyKeySchema>;
export type ProxyKeyUpdate = z.input<typeof updateProxyKeySchema> & { id: string };

export interface ProxyKeyListQuery {
  search: string;
  page: number;
  perPage: number;
}

export const proxyKeyKeys = {
  all: ['proxy-keys'] as const,
  lists: () => [...proxyKeyKeys.all, 'list'] as const,
  list: (q: ProxyKeyListQuery) => [...proxyKeyKeys.lists(), q.search, q.page, q.perPage] as const,
  usage: () => [...proxyKeyKeys.all, 'usage'] as const,
};

const base = '/api/v1/admin/api-keys';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function useProxyKeys(q: ProxyKeyListQuery, initialData?: ProxyKeyPage) {
  return useQuery({
    queryKey: proxyKeyKeys.list(q),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(q.page), per_page: String(q.perPage) });
      if (q.search) params.set('search', q.search);
      return apiFetch<ProxyKeyPage>(`${base}?${params}`, { signal });
    },
    initialData,
    placeholderData: keepPreviousData,
  });
}

export function useProxyUsage(initialData?: ProxyUsage) {
  return useQuery({
    queryKey: proxyKeyKeys.usage(),
    queryFn: ({ signal }) => apiFetch<ProxyUsage>(`${base}/stats/usage`, { signal }),
    initialData,
  });
}

/** Every mutation refreshes the lists and the usage (which names the keys). */
function useInvalidateProxyKeys() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: proxyKeyKeys.all });
}

export function useCreateProxyKey() {
  const invalidate = useInvalidateProxyKeys();
  return useMutation({
    mutationFn: (input: ProxyKeyCreate) => apiFetch<IssuedProxyKey>(base, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateProxyKey() {
  const invalidate = useInvalidateProxyKeys();
  return useMutation({
    mutationFn: ({ id, ...patch }: ProxyKeyUpdate) => apiFetch<ProxyKeyView>(one(id), { method: 'PUT', body: patch }),
    onSuccess: invalidate,
  });
}

export function useRotateProxyKey() {
  const invalidate = useInvalidateProxyKeys();
  return useMutation({
    mutationFn: (id: string) => apiFetch<IssuedProxyKey>(`${one(id)}/rotate`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useDeleteProxyKey() {
  const invalidate = useInvalidateProxyKeys();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(one(id), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
