// /register — create an account when the admin's registration setting allows it (open or invite).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { RegisterForm } from '@/components/auth/register-form-client';
import { AuthCard } from '@/components/layout/auth-card';
import { Alert } from '@/components/ui/alert';
import { getPageUser } from '@/lib/http/page-user';
import { getSetting } from '@/lib/settings/settings';
import { hasAnyUser } from '@/lib/users/register-user';

export const metadata: Metadata = { title: 'Create account' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: Search }) {
  if (await getPageUser()) redirect('/');
  if (!(await hasAnyUser())) redirect('/setup');
  const mode = await getSetting('registration');
  const { invite } = await searchParams;
  const signInLink = (
    <>
      Already have an account?{' '}
      <Link href="/login" className="font-medium text-accent-300 hover:underline">
        Sign in
      </Link>
    </>
  );
  if (mode === 'closed') {
    return (
      <AuthCard title="Create account" footer={signInLink}>
        <Alert tone="info">Registration is closed on this server. Ask the admin to create an account for you or to send you an invite.</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create account" subtitle={mode === 'invite' ? 'This server is invite-only.' : 'Join this Marquee server.'} footer={signInLink}>
      <RegisterForm needsInvite={mode === 'invite'} initialInvite={Array.isArray(invite) ? invite[0] : invite} />
    </AuthCard>
  );
}
