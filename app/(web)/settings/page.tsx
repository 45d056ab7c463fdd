// /settings — the signed-in user's profile, password, email, API keys and account deletion.
import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { ApiKeys } from '@/components/settings/api-keys-client';
import { DeleteAccount } from '@/components/settings/delete-account-client';
import { EmailForm } from '@/components/settings/email-form-client';
import { PasswordForm } from '@/components/settings/password-form-client';
import { ProfileForm } from '@/components/settings/profile-form-client';
import { SignOutEverywhere } from '@/components/settings/sign-out-everywhere-client';
import { TraktSettings } from '@/components/settings/trakt-client';
import { Panel } from '@/components/ui/panel';
import { listApiKeys } from '@/lib/auth/api-keys';
import { requirePageUser } from '@/lib/http/page-user';
import { getAccount } from '@/lib/users/account';
import { isOnlyAdmin } from '@/lib/users/last-admin';

export const metadata: Metadata = { title: 'Settings' };

type Props = { searchParams: Promise<{ trakt?: string | string[]; trakt_error?: string | string[] }> };

export default async function SettingsPage({ searchParams }: Props) {
  const user = await requirePageUser('/settings');
  const { trakt, trakt_error: traktError } = await searchParams;
  const notice = { linked: trakt === 'linked', error: typeof traktError === 'string' ? traktError.slice(0, 60) : null };
  const [account, keys, onlyAdmin] = await Promise.all([getAccount(user.id), listApiKeys(user.id), isOnlyAdmin(user.id)]);
  return (
    <AppShell user={user} current="settings" title="Settings" narrow description={`Signed in as ${account.username}.`}>
      <div className="space-y-6">
        <Panel title="Profile" description="How you appear in Marquee.">
          <ProfileForm initialAccount={account} />
        </Panel>
        <Panel title="Password">
          <PasswordForm />
        </Panel>
        <Panel title="Email">
          <EmailForm initialAccount={account} />
        </Panel>
        <section id="trakt">
          <Panel title="Trakt" description="Two-way sync of your watch history with Trakt, and scrobbling from the player.">
            <TraktSettings notice={notice} />
          </Panel>
        </section>
        <Panel title="API keys" description="Personal keys for apps and scripts: send them as Authorization: Bearer <key>.">
          <ApiKeys initialKeys={keys} />
        </Panel>
        <Panel title="Sessions" description="Where you are signed in.">
          <SignOutEverywhere />
        </Panel>
        <Panel title="Delete account" tone="danger" description="This cannot be undone.">
          <DeleteAccount onlyAdmin={onlyAdmin} />
        </Panel>
      </div>
    </AppShell>
  );
}
