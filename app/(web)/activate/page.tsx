// /activate?token=… — the activation mail's link: activates the account. Without a token: ask for a new link.
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmailRequestForm, TokenConfirm } from '@/components/auth/mail-link-forms-client';
import { AuthCard } from '@/components/layout/auth-card';

export const metadata: Metadata = { title: 'Activate account' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivatePage({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  const footer = <Link href="/login" className="font-medium text-accent-300 hover:underline">Back to sign in</Link>;
  if (token) {
    return (
      <AuthCard title="Activate your account" footer={footer}>
        <TokenConfirm
          path="/api/v1/user/activate"
          token={token}
          done="Your account is active."
          retry={{ href: '/activate', label: 'Send a new activation link' }}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Send the activation link again" subtitle="Enter the email address you signed up with." footer={footer}>
      <EmailRequestForm path="/api/v1/user/activate/resend" action="Send activation link" />
    </AuthCard>
  );
}
