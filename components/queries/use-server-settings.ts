// Server-wide settings an admin changes at run time (registration: open, closed, invite; invites on/off).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { getServerSettings } from '@/lib/settings/settings';
import { apiFetch } from './api-fetch';

export type ServerSettings = Awaited<ReturnType<typeof getServerSettings>>;
export type RegistrationMode = ServerSettings['registration'];

export const serverSettingsKeys = {
  all: ['server-settings'] as const,
  detail: () => [...serverSettingsKeys.all, 'detail'] as const,
};

export function useServerSettings(initialData?: ServerSettings) {
  return useQuery({
    queryKey: serverSettingsKeys.detail(),
    queryFn: ({ signal }) => apiFetch<ServerSettings>('/api/v1/admin/settings', { signal }),
    initialData,
  });
}

export function useUpdateServerSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<ServerSettings>) => apiFetch<ServerSettings>('/api/v1/admin/settings', { method: 'PATCH', body: patch }),
    onSuccess: (settings) => {
      qc.setQueryData(serverSettingsKeys.detail(), settings);
      return qc.invalidateQueries({ queryKey: serverSettingsKeys.all });
    },
  });
}
