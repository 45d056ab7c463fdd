// Every account, for admins: list, add, change role, disable or enable, delete, new invite link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUserView } from '@/lib/users/user-view';
import { apiFetch } from './api-fetch';

export const adminUserKeys = {
  all: ['admin-users'] as const,
  list: () => [...adminUserKeys.all, 'list'] as const,
};

export interface AccountInvite {
  code: string;
  url: string;
  expires_at: string;
}

export function useAdminUsers(initialData?: AdminUserView[]) {
  return useQuery({
    queryKey: adminUserKeys.list(),
    queryFn: ({ signal }) => apiFetch<AdminUserView[]>('/api/v1/admin/users', { signal }),
    initialData,
  });
}

export interface NewUser {
  username: string;
  password?: string;
  email?: string;
  role: AdminUserView['role'];
}

export function useCreateAdminUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => apiFetch<AdminUserView & { invite: AccountInvite | null }>('/api/v1/admin/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminUserKeys.all }),
  });
}

export interface AdminUserUpdate {
  id: string;
  role?: AdminUserView['role'];
  disabled?: boolean;
  can_upload?: boolean;
}

export function useUpdateAdminUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: AdminUserUpdate) =>
      apiFetch<AdminUserView>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminUserKeys.all }),
  });
}

export function useDeleteAdminUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminUserKeys.all }),
  });
}

export function useReissueAccountInvite() {
  return useMutation({
    mutationFn: (id: string) => apiFetch<AccountInvite>(`/api/v1/admin/users/${encodeURIComponent(id)}/invite`, { method: 'POST' }),
  });
}
