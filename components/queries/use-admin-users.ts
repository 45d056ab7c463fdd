// Every account, for admins: list, change role, disable or enable.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '@/lib/users/user-view';
import { apiFetch } from './api-fetch';

export const adminUserKeys = {
  all: ['admin-users'] as const,
  list: () => [...adminUserKeys.all, 'list'] as const,
};

export function useAdminUsers(initialData?: UserView[]) {
  return useQuery({
    queryKey: adminUserKeys.list(),
    queryFn: ({ signal }) => apiFetch<UserView[]>('/api/v1/admin/users', { signal }),
    initialData,
  });
}

export interface AdminUserUpdate {
  id: string;
  role?: UserView['role'];
  disabled?: boolean;
}

export function useUpdateAdminUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: AdminUserUpdate) =>
      apiFetch<UserView>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminUserKeys.all }),
  });
}
