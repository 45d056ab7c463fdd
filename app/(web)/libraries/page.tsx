// /libraries — every library as a card; admins also add libraries here.
import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { Libraries } from '@/components/library/libraries-client';
import { requirePageUser } from '@/lib/http/page-user';
import { listLibraries } from '@/lib/library/reads/library-list';

export const metadata: Metadata = { title: 'Libraries' };

export default async function LibrariesPage() {
  const user = await requirePageUser('/libraries');
  const libraries = await listLibraries();
  return (
    <AppShell user={user} current="libraries" title="Libraries" description="The folders of movies, shows and videos this server knows.">
      <Libraries initialLibraries={libraries} isAdmin={user.role === 'admin'} />
    </AppShell>
  );
}
