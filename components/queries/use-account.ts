// The signed-in account: read it, register, set up the profile, change password/email, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '@/lib/users/user-view';
import { apiFetch } from './api-fetch';

export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
};

export function useAccount(initialData?: UserView) {
  return useQuery({
    queryKey: accountKeys.me(),
    queryFn: ({ signal }) => apiFetch<UserView>('/api/v1/user', { signal }),
    initialData,
  });
}

export interface RegisterInput {
  username: string;
  password: string;
  email?: string;
  invite?: string;
}

export function useRegister() {
  return useMutation({
    mutationFn: (input: RegisterInput) => apiFetch<UserView>('/api/v1/user/register', { method: 'POST', body: input }),
  });
}

export function useSetupProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; gender?: string | null; avatar?: string | null }) => apiFetch<UserView>('/api/v1/user/setup', { method: 'POST', body: input }),
    onSuccess: (user) => {
      qc.setQueryData(accountKeys.me(), user);
      return qc.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

/** PUT /api/v1/user/avatar with the chosen file as the body. */
export function useUploadAvatar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiFetch<UserView>('/api/v1/user/avatar', { method: 'PUT', file }),
    onSuccess: (user) => {
      qc.setQueryData(accountKeys.me(), user);
      return qc.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

export type AccountUpdate = { password: string; new_password: string } | { password: string; new_email: string };

export function useUpdateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountUpdate) => apiFetch<UserView>('/api/v1/user', { method: 'PATCH', body: input }),
    onSuccess: (user) => {
      qc.setQueryData(accountKeys.me(), user);
      return qc.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (input: { password: string }) => apiFetch<void>('/api/v1/user', { method: 'DELETE', body: input }),
  });
}
