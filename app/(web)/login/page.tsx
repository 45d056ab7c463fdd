// /login — sign in (with a link to sign-up when it is open); honours ?callbackUrl= (same-origin paths only) and ?error= from NextAuth.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form-client';
import { TraktSignIn } from '@/components/auth/trakt-sign-in-client';
import { safeReturnPath } from '@/components/auth/safe-return-path';
import { AuthCard } from '@/components/layout/auth-card';
import { getPageUser } from '@/lib/http/page-user';
import { traktSignInOffered } from '@/lib/users/trakt-sign-in';
import { getServerSettings } from '@/lib/settings/settings';
import { hasAnyUser } from '@/lib/users/register-user';
import { offersSignUp } from '@/lib/users/sign-up-access';

export const metadata: Metadata = { title: 'Sign in' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getPageUser()) redirect(returnTo);
  if (!(await hasAnyUser())) redirect('/setup');
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  // Only open sign-up gets a link: otherwise accounts come from the admin or an invite link.
  const settings = await getServerSettings();
  const signUp = offersSignUp(settings);
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back."
      footer={
        signUp ? (
          <>
            No account yet?{' '}
            <Link href="/register" className="font-medium text-accent-300 hover:underline">
              Create one
            </Link>
          </>
        ) : undefined
      }
    >
      <LoginForm returnTo={returnTo} initialError={error} demo={settings.demo} />
      {traktSignInOffered() && (
        <div className="mt-4 border-t border-white/10 pt-4">
          <TraktSignIn returnTo={returnTo} />
        </div>
      )}
    </AuthCard>
  );
}
