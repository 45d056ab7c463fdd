// /admin/users — accounts (add, role, disable, delete), registration mode and invites, for admins.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { InviteCreator } from '@/components/admin/invite-client';
import { RegistrationSetting } from '@/components/admin/registration-setting-client';
import { UsersTable } from '@/components/admin/users-table-client';
import { AppShell } from '@/components/layout/app-shell';
import { Panel } from '@/components/ui/panel';
import { requirePageAdmin } from '@/lib/http/page-user';
import { getServerSettings } from '@/lib/settings/settings';
import { listUsers } from '@/lib/users/admin-users';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminUsersPage() {
  const admin = await requirePageAdmin('/admin/users');
  const [users, settings] = await Promise.all([listUsers(), getServerSettings()]);
  return (
    <AppShell user={admin} current="admin" title="Users" description="Everyone with an account on this server.">
      <AdminNav current="users" />
      <div className="space-y-6">
        <Panel title="Accounts" description="Disabling an account signs it out of every app and stops its API keys.">
          <UsersTable initialUsers={users} initialSettings={settings} currentUserId={admin.id} />
        </Panel>
        <div className="grid gap-6 lg:grid-cols-2">
          <Panel title="Sign-ups" description="Who may create an account on the sign-up page, and whether invites work.">
            <RegistrationSetting initialSettings={settings} />
          </Panel>
          <Panel title="Invites" description="A single-use code to sign up with, in every registration mode.">
            <InviteCreator initialSettings={settings} />
          </Panel>
        </div>
      </div>
    </AppShell>
  );
}
