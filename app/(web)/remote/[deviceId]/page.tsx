// /remote/[deviceId] — the remote for one of your devices (phone-sized).
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppHeader } from '@/components/layout/app-header';
import { Remote } from '@/components/remote/remote-client';
import { requirePageUser } from '@/lib/http/page-user';

export const metadata: Metadata = { title: 'Remote' };

export default async function RemotePage({ params }: { params: Promise<{ deviceId: string }> }) {
  const { deviceId } = await params;
  const user = await requirePageUser(`/remote/${deviceId}`);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-xl space-y-4 px-4 py-6">
        <Link href="/remote" className="text-sm text-zinc-400 hover:text-zinc-200">← Devices</Link>
        <Remote deviceId={deviceId} />
      </main>
    </>
  );
}
