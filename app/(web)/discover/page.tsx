// /discover — search the online catalog (TMDB) for shows and movies, also ones in no library, and
// follow shows from it (?q=<title>&type=show|movie runs a search at once). Without a provider set
// up, it says so first.
import type { Metadata } from 'next';
import { Discover } from '@/components/catalog/discover-client';
import { NoProviderNotice } from '@/components/catalog/no-provider-notice';
import { AppShell } from '@/components/layout/app-shell';
import { requirePageUser } from '@/lib/http/page-user';
import { configuredProvider } from '@/lib/metadata/online/online-provider';

export const metadata: Metadata = { title: 'Discover' };

type Props = { searchParams: Promise<{ q?: string | string[]; type?: string | string[] }> };

export default async function DiscoverPage({ searchParams }: Props) {
  const user = await requirePageUser('/discover');
  const { q, type } = await searchParams;
  return (
    <AppShell user={user} current="discover" title="Discover" description="Find shows and movies online (TMDB or TheTVDB), also ones that are in no library yet. Follow a show to track it before any file arrives.">
      <div className="space-y-6">
        {!configuredProvider() && <NoProviderNotice what="Discover" />}
        <Discover initialQuery={typeof q === 'string' ? q.trim().slice(0, 200) : ''} initialType={type === 'movie' ? 'movie' : 'show'} />
      </div>
    </AppShell>
  );
}
