'use client';
// Admin → Users → Add user: username, optional email, role, and a password — or none, and the
// answer is an invite link the new user opens to choose one.
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { useCreateAdminUser } from '@/components/queries/use-admin-users';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ModalDialog } from '@/components/ui/modal-dialog-client';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { InviteLink } from './invite-link-client';

const PLACEMENT = {
  fields: ['username', 'email', 'password', 'confirm'],
  codes: { username_taken: 'username', email_taken: 'email', invites_disabled: 'password' },
  linked: { password: ['confirm'] },
} as const;

const ROLES = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
];

export function AddUserButton({ invitesOn }: { invitesOn: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add user</Button>
      {open && <AddUserDialog invitesOn={invitesOn} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddUserDialog({ invitesOn, onClose }: { invitesOn: boolean; onClose: () => void }) {
  const create = useCreateAdminUser();
  const errors = useFormErrors(create.error, PLACEMENT);
  const created = create.data;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      errors.setLocal({ fields: { confirm: 'The two passwords are not the same.' } });
      return;
    }
    errors.setLocal({});
    const email = String(form.get('email') ?? '').trim();
    create.mutate({
      username: String(form.get('username') ?? '').trim(),
      role: form.get('role') === 'admin' ? 'admin' : 'user',
      ...(email ? { email } : {}),
      ...(password ? { password } : {}),
    });
  }

  if (created) {
    return (
      <ModalDialog title="User added" onClose={onClose}>
        <div className="space-y-4">
          {created.invite ? (
            <InviteLink url={created.invite.url} expiresAt={created.invite.expires_at} username={created.username} />
          ) : (
            <Alert tone="success">
              {created.username} can sign in now with the password you chose.
            </Alert>
          )}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      </ModalDialog>
    );
  }

  const { fields } = errors;
  return (
    <ModalDialog
      title="Add user"
      description={invitesOn ? 'Set a password now, or leave it empty to get an invite link the new user opens to choose their own.' : 'Invites are off, so give the new user a password.'}
      onClose={onClose}
    >
      <form onSubmit={submit} onChange={errors.onChange} className="space-y-4" noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField label="Username" name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} required autoFocus hint="3–32 characters: letters, digits, dot, dash, underscore." error={fields.username} />
        <TextField label="Email (optional)" name="email" type="email" autoComplete="off" error={fields.email} />
        <SelectField label="Role" name="role" options={ROLES} defaultValue="user" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={invitesOn ? 'Password (optional)' : 'Password'}
            name="password"
            type="password"
            autoComplete="new-password"
            required={!invitesOn}
            hint="At least 8 characters."
            error={fields.password}
          />
          <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required={!invitesOn} error={fields.confirm} />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={create.isPending}>
            Add user
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
