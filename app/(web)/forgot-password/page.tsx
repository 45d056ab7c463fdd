// /forgot-password — ask for a password reset link by email.
import type { Metadata } from 'next';
import Link from 'next/link';
import { EmailRequestForm } from '@/components/auth/mail-link-forms-client';
import { AuthCard } from '@/components/layout/auth-card';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter the email address of your account: we send a link to choose a new password."
      footer={<Link href="/login" className="font-medium text-accent-300 hover:underline">Back to sign in</Link>}
    >
      <EmailRequestForm path="/api/v1/user/password-reset" action="Send reset link" />
    </AuthCard>
  );
}
