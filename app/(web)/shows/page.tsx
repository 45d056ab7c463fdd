// /shows — the shows you follow (with your progress; shows watched on Trakt that are in no library
// too), then every show across libraries: search as
// you type, filter by watched, genre and year, sort.
import { BrowseGrid } from '@/components/browse/browse-grid-client';
import { parseBrowseParams } from '@/components/browse/browse-params';
import { browseQuery } from '@/components/browse/browse-query';
import { AppShell } from '@/components/layout/app-shell';
import { YourShows } from '@/components/tracking/home-tracking';
import { requirePageUser } from '@/lib/http/page-user';
import { browseMedia } from '@/lib/library/reads/browse-media';
import { yourShows } from '@/lib/tracking/lists';

export const metadata = { title: 'Shows' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ShowsPage({ searchParams }: Props) {
  const user = await requirePageUser('/shows');
  const filters = parseBrowseParams(await searchParams);
  const [followed, page] = await Promise.all([yourShows(user.id), browseMedia(browseQuery('show', filters), user.id)]);
  return (
    <AppShell user={user} current="shows" title="Shows" description={followed.length > 0 ? `${followed.length} followed or watched on Trakt` : 'Follow a show from its page to track your progress.'}>
      <div className="space-y-12">
        {followed.length > 0 && <YourShows shows={followed} />}
        <BrowseGrid kind="show" initialFilters={filters} initialPage={page} />
      </div>
    </AppShell>
  );
}
