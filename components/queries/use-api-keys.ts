// The signed-in user's personal API keys: list (previews), create (full key returned once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyView } from '@/lib/auth/api-keys';
import { apiFetch } from './api-fetch';

export type ApiKeyScope = ApiKeyView['scope'];
export type CreatedApiKey = ApiKeyView & { key: string };

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: () => [...apiKeyKeys.all, 'list'] as const,
};

export function useApiKeys(initialData?: ApiKeyView[]) {
  return useQuery({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => apiFetch<ApiKeyView[]>('/api/v1/user/api-keys', { signal }),
    initialData,
  });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scope: ApiKeyScope }) => apiFetch<CreatedApiKey>('/api/v1/user/api-keys', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/user/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
