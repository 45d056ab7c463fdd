// / — home: first run goes to setup, visitors to sign-in, users see their libraries.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { YourLibraries } from '@/components/library/your-libraries';
import { getPageUser } from '@/lib/http/page-user';
import { listLibrariesCached } from '@/lib/library/cached-listings';
import { HOME_ROW, HomeTracking } from '@/components/tracking/home-tracking';
import { calendarWithCatalog, continueWatching, followedCount, nextUp, recentlyAdded, yourShows } from '@/lib/tracking/lists';
import { hasAnyUser } from '@/lib/users/register-user';

const linkClass = 'rounded-lg bg-white/5 px-4 py-2 text-sm font-semibold text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10';

export default async function HomePage() {
  const user = await getPageUser();
  if (!user) redirect((await hasAnyUser()) ? '/login' : '/setup');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const [libraries, cont, next, shows, followed, added, upcoming] = await Promise.all([
    listLibrariesCached(),
    continueWatching(user.id, HOME_ROW),
    nextUp(user.id, HOME_ROW),
    yourShows(user.id, HOME_ROW),
    followedCount(user.id),
    recentlyAdded(HOME_ROW),
    calendarWithCatalog(user.id, day(0), day(14)),
  ]);
  return (
    <AppShell user={user} current="home" title={`Welcome, ${user.name ?? user.username}`}>
      <div className="space-y-10">
        <HomeTracking cont={cont} next={next} shows={shows} followed={followed} added={added} upcoming={upcoming} />
        <YourLibraries libraries={libraries} isAdmin={user.role === 'admin'} />
        <nav aria-label="Account" className="flex flex-wrap gap-3 border-t border-white/10 pt-6">
          <Link href="/settings" className={linkClass}>
            Your account
          </Link>
          {user.role === 'admin' && (
            <>
              <Link href="/admin/users" className={linkClass}>
                Manage users
              </Link>
              <Link href="/admin/api-keys" className={linkClass}>
                TVDB API keys
              </Link>
            </>
          )}
        </nav>
      </div>
    </AppShell>
  );
}
