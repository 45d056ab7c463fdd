// Invite codes for invite-only registration. Codes are shown once and never listed, so no query.
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';

export interface CreatedInvite {
  code: string;
  expires_at: string;
}

export function useCreateInvite() {
  return useMutation({
    mutationFn: () => apiFetch<CreatedInvite>('/api/v1/admin/invites', { method: 'POST' }),
  });
}
