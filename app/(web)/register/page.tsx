// /register — sign up when the admin's settings allow it: open sign-up, an invite code, or the
// invite link of an account an admin added (its owner chooses a password here).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { RegisterForm } from '@/components/auth/register-form-client';
import { AuthCard } from '@/components/layout/auth-card';
import { Alert } from '@/components/ui/alert';
import { getPageUser } from '@/lib/http/page-user';
import { getServerSettings } from '@/lib/settings/settings';
import { findInvitedAccount, isAccountInvite } from '@/lib/users/account-invite';
import { hasAnyUser } from '@/lib/users/register-user';
import { signUpAccess } from '@/lib/users/sign-up-access';

export const metadata: Metadata = { title: 'Create account' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: Search }) {
  if (await getPageUser()) redirect('/');
  if (!(await hasAnyUser())) redirect('/setup');
  const params = await searchParams;
  const code = (Array.isArray(params.invite) ? params.invite[0] : params.invite)?.trim() || undefined;
  const accountLink = code !== undefined && isAccountInvite(code);
  const [settings, account] = await Promise.all([getServerSettings(), accountLink ? findInvitedAccount(code) : null]);
  const access = signUpAccess(settings, { code, account, isAccountInvite: accountLink });
  const signInLink = (
    <>
      Already have an account?{' '}
      <Link href="/login" className="font-medium text-accent-300 hover:underline">
        Sign in
      </Link>
    </>
  );
  switch (access.kind) {
    case 'closed':
      return (
        <AuthCard title="Create account" footer={signInLink}>
          <Alert tone="info">{access.reason}</Alert>
        </AuthCard>
      );
    case 'account':
      return (
        <AuthCard title="Choose your password" subtitle={`An admin added an account for you: ${access.username}.`} footer={signInLink}>
          <RegisterForm account={{ username: access.username, code: access.code }} />
        </AuthCard>
      );
    case 'invite':
      return (
        <AuthCard title="Create account" subtitle="You need an invite to join this server." footer={signInLink}>
          <RegisterForm needsInvite initialInvite={access.code} emailRequired={settings.email_activation === 'required'} />
        </AuthCard>
      );
    default:
      return (
        <AuthCard title="Create account" subtitle="Join this Marquee server." footer={signInLink}>
          <RegisterForm emailRequired={settings.email_activation === 'required'} />
        </AuthCard>
      );
  }
}
