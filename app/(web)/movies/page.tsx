// /movies — every movie across libraries: search as you type, filter by watched, genre and year, sort.
import { BrowseGrid } from '@/components/browse/browse-grid-client';
import { parseBrowseParams } from '@/components/browse/browse-params';
import { browseQuery } from '@/components/browse/browse-query';
import { AppShell } from '@/components/layout/app-shell';
import { requirePageUser } from '@/lib/http/page-user';
import { browseMedia } from '@/lib/library/reads/browse-media';

export const metadata = { title: 'Movies' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MoviesPage({ searchParams }: Props) {
  const user = await requirePageUser('/movies');
  const filters = parseBrowseParams(await searchParams);
  const page = await browseMedia(browseQuery('movie', filters), user.id);
  return (
    <AppShell user={user} current="movies" title="Movies">
      <BrowseGrid kind="movie" initialFilters={filters} initialPage={page} />
    </AppShell>
  );
}
