'use client';
// The actions of one row of Admin → Users: allow uploads, enable or disable, a new invite link for an account
// still waiting for its password, and delete after a confirmation. The only admin's are greyed out.
import { useState } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { useDeleteAdminUser, useReissueAccountInvite, useUpdateAdminUser } from '@/components/queries/use-admin-users';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ModalDialog } from '@/components/ui/modal-dialog-client';
import type { AdminUserView } from '@/lib/users/user-view';
import { InviteLink } from './invite-link-client';
import { ONLY_ADMIN_REASON } from './only-admin';

interface RowActionsProps {
  user: AdminUserView;
  onlyAdmin: boolean;
  invitesOn: boolean;
  update: ReturnType<typeof useUpdateAdminUser>;
}

export function UserRowActions({ user, onlyAdmin, invitesOn, update }: RowActionsProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const reissue = useReissueAccountInvite();
  const busy = update.isPending && update.variables?.id === user.id;
  return (
    <div className="flex items-center justify-end gap-2">
      {!user.has_password && invitesOn && (
        <Button variant="secondary" size="sm" aria-label={`New invite link for ${user.username}`} pending={reissue.isPending} onClick={() => reissue.mutate(user.id)}>
          New link
        </Button>
      )}
      {user.role === 'user' && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`${user.can_upload ? 'Stop uploads by' : 'Allow uploads by'} ${user.username}`}
          title="Whether this user may upload videos into libraries (admins always may)"
          pending={busy}
          onClick={() => update.mutate({ id: user.id, can_upload: !user.can_upload })}
        >
          {user.can_upload ? 'Stop uploads' : 'Allow uploads'}
        </Button>
      )}
      <Button
        variant={user.disabled ? 'secondary' : 'danger'}
        size="sm"
        aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}
        title={onlyAdmin ? ONLY_ADMIN_REASON : undefined}
        disabled={onlyAdmin && !user.disabled}
        pending={busy}
        onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
      >
        {user.disabled ? 'Enable' : 'Disable'}
      </Button>
      <Button variant="danger" size="sm" aria-label={`Delete ${user.username}`} title={onlyAdmin ? ONLY_ADMIN_REASON : undefined} disabled={onlyAdmin} onClick={() => setConfirmDelete(true)}>
        Delete
      </Button>
      {confirmDelete && <DeleteUserDialog user={user} onClose={() => setConfirmDelete(false)} />}
      {(reissue.data || reissue.error) && (
        <ModalDialog title="New invite link" onClose={() => reissue.reset()}>
          {reissue.data ? (
            <InviteLink url={reissue.data.url} expiresAt={reissue.data.expires_at} username={user.username} />
          ) : (
            <Alert tone="error">{formError(reissue.error)}</Alert>
          )}
        </ModalDialog>
      )}
    </div>
  );
}

function DeleteUserDialog({ user, onClose }: { user: AdminUserView; onClose: () => void }) {
  const remove = useDeleteAdminUser();
  return (
    <ModalDialog title={`Delete ${user.username}?`} description="Their account, API keys and watch history are deleted for good. Media files are not touched." onClose={onClose}>
      <div className="space-y-4">
        {remove.error && <Alert tone="error">{formError(remove.error)}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate(user.id, { onSuccess: onClose })}>
            Delete {user.username}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
