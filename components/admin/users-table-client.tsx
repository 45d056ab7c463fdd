'use client';
// Admin → Users: every account with its role and status; add one, change the role, disable,
// enable or delete. The only admin who can sign in cannot be demoted, disabled or deleted.
import { formError } from '@/components/queries/api-fetch';
import { useAdminUsers, useUpdateAdminUser } from '@/components/queries/use-admin-users';
import { useServerSettings, type ServerSettings } from '@/components/queries/use-server-settings';
import { Alert } from '@/components/ui/alert';
import { DataTable } from '@/components/ui/data-table';
import { formatDate } from '@/components/ui/format-date';
import { SelectField } from '@/components/ui/select-field';
import type { AdminUserView } from '@/lib/users/user-view';
import { AddUserButton } from './add-user-dialog-client';
import { ONLY_ADMIN_REASON, onlyAdminId } from './only-admin';
import { UserRowActions } from './user-row-actions-client';

const ROLES = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
];

const badge = 'rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

function StatusBadge({ user }: { user: AdminUserView }) {
  if (user.disabled) return <span className={`${badge} bg-red-500/10 text-red-300 ring-red-500/30`}>Disabled</span>;
  if (!user.has_password) {
    return (
      <span className={`${badge} bg-amber-500/10 text-amber-300 ring-amber-500/30`} title="Added without a password: waiting for the invite link to be opened.">
        Invited
      </span>
    );
  }
  return <span className={`${badge} bg-emerald-500/10 text-emerald-300 ring-emerald-500/30`}>Active</span>;
}

interface UsersTableProps {
  initialUsers: AdminUserView[];
  initialSettings: ServerSettings;
  currentUserId: string;
}

export function UsersTable({ initialUsers, initialSettings, currentUserId }: UsersTableProps) {
  const { data: users = initialUsers } = useAdminUsers(initialUsers);
  const { data: settings = initialSettings } = useServerSettings(initialSettings);
  const invitesOn = settings.invites;
  const update = useUpdateAdminUser();
  const onlyAdmin = onlyAdminId(users);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-400">
          {users.length} {users.length === 1 ? 'account' : 'accounts'}
        </p>
        <AddUserButton invitesOn={invitesOn} />
      </div>
      {update.error && <Alert tone="error">{formError(update.error)}</Alert>}
      {onlyAdmin === currentUserId && (
        <p className="text-xs text-zinc-400">You are the only admin, so you cannot demote, disable or delete yourself: make another user admin first.</p>
      )}
      <DataTable caption="Users" minWidth="52rem" columns={['Username', 'Name', 'Email', 'Role', 'Status', 'Created', { label: 'Actions', hidden: true }]}>
        {users.map((u) => (
          <tr key={u.id} data-testid={`user-row-${u.username}`} className="hover:bg-white/[0.02]">
            <td className="px-4 py-3 font-medium text-zinc-100">
              {u.username}
              {u.id === currentUserId && <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span>}
            </td>
            <td className="px-4 py-3 text-zinc-300">{u.name ?? '—'}</td>
            <td className="px-4 py-3 text-zinc-400">{u.email ?? '—'}</td>
            <td className="px-4 py-3">
              <SelectField
                label={`Role for ${u.username}`}
                hideLabel
                options={ROLES}
                value={u.role}
                disabled={(update.isPending && update.variables?.id === u.id) || u.id === onlyAdmin}
                title={u.id === onlyAdmin ? ONLY_ADMIN_REASON : undefined}
                onChange={(e) => update.mutate({ id: u.id, role: e.target.value as AdminUserView['role'] })}
                className="w-28"
              />
            </td>
            <td className="px-4 py-3">
              <StatusBadge user={u} />
            </td>
            <td className="px-4 py-3 text-zinc-400">
              <time dateTime={u.created_at}>{formatDate(u.created_at)}</time>
            </td>
            <td className="px-4 py-3">
              <UserRowActions user={u} onlyAdmin={u.id === onlyAdmin} invitesOn={invitesOn} update={update} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
