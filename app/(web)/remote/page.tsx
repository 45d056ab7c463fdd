// /remote — your open players (devices), each with its remote.
import type { Metadata } from 'next';
import { AppHeader } from '@/components/layout/app-header';
import { DeviceList } from '@/components/remote/device-list-client';
import { requirePageUser } from '@/lib/http/page-user';

export const metadata: Metadata = { title: 'Devices' };

export default async function RemoteIndexPage() {
  const user = await requirePageUser('/remote');
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-xl space-y-4 px-4 py-6">
        <h1 className="text-xl font-semibold text-zinc-50">Devices</h1>
        <DeviceList />
      </main>
    </>
  );
}
