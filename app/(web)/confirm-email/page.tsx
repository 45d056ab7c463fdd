// /confirm-email?token=… — the link sent to a new email address: the account's address changes.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TokenConfirm } from '@/components/auth/mail-link-forms-client';
import { AuthCard } from '@/components/layout/auth-card';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: 'Confirm email' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return (
    <AuthCard title="Confirm your new email address" footer={<Link href="/" className="font-medium text-accent-300 hover:underline">Back to Marquee</Link>}>
      {token ? (
        <TokenConfirm path="/api/v1/user/email/confirm" token={token} done="Your email address is changed." retry={{ href: '/settings', label: 'Ask for a new link in Settings' }} />
      ) : (
        <Alert tone="error">This page needs the link from the confirmation mail.</Alert>
      )}
    </AuthCard>
  );
}
