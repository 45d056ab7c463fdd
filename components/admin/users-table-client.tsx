'use client';
// Admin → Users: every account with its role and status; change the role, disable or enable.
import { formError } from '@/components/queries/api-fetch';
import { useAdminUsers, useUpdateAdminUser } from '@/components/queries/use-admin-users';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/format-date';
import { SelectField } from '@/components/ui/select-field';
import type { UserView } from '@/lib/users/user-view';
import { DataTable } from '@/components/ui/data-table';

const ROLES = [
  { value: 'user', label: 'User' },
  { value: 'admin', label: 'Admin' },
];

export function UsersTable({ initialUsers, currentUserId }: { initialUsers: UserView[]; currentUserId: string }) {
  const { data: users = initialUsers } = useAdminUsers(initialUsers);
  const update = useUpdateAdminUser();
  const busy = (id: string) => update.isPending && update.variables?.id === id;

  return (
    <div className="space-y-4">
      {update.error && <Alert tone="error">{formError(update.error)}</Alert>}
      <DataTable caption="Users" minWidth="48rem" columns={['Username', 'Name', 'Email', 'Role', 'Status', 'Created', { label: 'Actions', hidden: true }]}>
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
                    disabled={busy(u.id)}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as UserView['role'] })}
                    className="w-28"
                  />
                </td>
                <td className="px-4 py-3">
                  {u.disabled ? (
                    <span className="rounded-full bg-red-500/10 px-2 py-0.5 text-xs font-medium text-red-300 ring-1 ring-inset ring-red-500/30">Disabled</span>
                  ) : (
                    <span className="rounded-full bg-emerald-500/10 px-2 py-0.5 text-xs font-medium text-emerald-300 ring-1 ring-inset ring-emerald-500/30">Active</span>
                  )}
                </td>
                <td className="px-4 py-3 text-zinc-400"><time dateTime={u.created_at}>{formatDate(u.created_at)}</time></td>
                <td className="px-4 py-3 text-right">
                  <Button
                    variant={u.disabled ? 'secondary' : 'danger'}
                    size="sm"
                    aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.username}`}
                    pending={busy(u.id)}
                    onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                  >
                    {u.disabled ? 'Enable' : 'Disable'}
                  </Button>
                </td>
              </tr>
            ))}
          </DataTable>
    </div>
  );
}
