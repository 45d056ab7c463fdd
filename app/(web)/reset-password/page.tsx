// /reset-password?token=… — the password reset mail's link: choose a new password.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/mail-link-forms-client';
import { AuthCard } from '@/components/layout/auth-card';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: 'Reset password' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return (
    <AuthCard title="Choose a new password" footer={<Link href="/login" className="font-medium text-accent-300 hover:underline">Back to sign in</Link>}>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error">
          This page needs the link from the reset mail. <Link href="/forgot-password" className="font-semibold underline">Ask for a new one</Link>.
        </Alert>
      )}
    </AuthCard>
  );
}
