// /admin/sessions — every live stream session, updated live, with Stop. For admins.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { SessionsTable } from '@/components/admin/sessions-table-client';
import { AppShell } from '@/components/layout/app-shell';
import { requirePageAdmin } from '@/lib/http/page-user';

export const metadata: Metadata = { title: 'Sessions' };
export const dynamic = 'force-dynamic';

export default async function AdminSessionsPage() {
  const admin = await requirePageAdmin('/admin/sessions');
  return (
    <AppShell user={admin} current="admin" title="Sessions" description="Who is playing what, how, and what it costs the server.">
      <AdminNav current="sessions" />
      <SessionsTable />
    </AppShell>
  );
}
