// /shows — every show you follow, with your progress, most recently watched first.
import { AppShell } from '@/components/layout/app-shell';
import { YourShows } from '@/components/tracking/home-tracking';
import { requirePageUser } from '@/lib/http/page-user';
import { trackedShows } from '@/lib/tracking/lists';

export const metadata = { title: 'Your shows' };

export default async function ShowsPage() {
  const user = await requirePageUser('/shows');
  const shows = await trackedShows(user.id);
  return (
    <AppShell user={user} current="shows" title="Your shows" description={`${shows.length} followed`}>
      <YourShows shows={shows} />
    </AppShell>
  );
}
