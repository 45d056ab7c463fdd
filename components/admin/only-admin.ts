// Which account, if any, is the server's only admin who can sign in: the admin page greys out
// demoting, disabling and deleting it (the API refuses them with 409 last_admin).
import type { AdminUserView } from '@/lib/users/user-view';

export const ONLY_ADMIN_REASON = 'The only admin cannot be demoted, disabled or deleted: make another user admin first.';

export function onlyAdminId(users: readonly Pick<AdminUserView, 'id' | 'role' | 'disabled' | 'has_password'>[]): string | null {
  const active = users.filter((u) => u.role === 'admin' && !u.disabled && u.has_password);
  return active.length === 1 ? active[0].id : null;
}
