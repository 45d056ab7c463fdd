// /setup — first run only: create the admin account. Once any account exists, this is /login.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form-client';
import { AuthCard } from '@/components/layout/auth-card';
import { hasAnyUser } from '@/lib/users/register-user';

export const metadata: Metadata = { title: 'Welcome' };

export default async function SetupPage() {
  if (await hasAnyUser()) redirect('/login');
  return (
    <AuthCard title="Welcome to Marquee" subtitle="Create the admin account for this server. You can invite others afterwards.">
      <SetupForm />
    </AuthCard>
  );
}
