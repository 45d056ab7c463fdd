// /libraries — every library as a card; admins also add libraries here.
import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { Libraries } from '@/components/library/libraries-client';
import { requirePageUser } from '@/lib/http/page-user';
import { listLibrariesCached } from '@/lib/library/cached-listings';

export const metadata: Metadata = { title: 'Libraries' };

export default async function LibrariesPage() {
  const user = await requirePageUser('/libraries');
  const libraries = await listLibrariesCached();
  return (
    <AppShell user={user} current="libraries" title="Libraries" description="The folders of movies, shows and videos this server knows.">
      <Libraries initialLibraries={libraries} isAdmin={user.role === 'admin'} />
    </AppShell>
  );
}
