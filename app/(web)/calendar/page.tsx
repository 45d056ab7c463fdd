// /calendar — episodes of the shows you follow (and of the shows you watched on Trakt that are in no
// library) airing in the next four weeks, and the past week.
import Link from 'next/link';
import { AppShell } from '@/components/layout/app-shell';
import { requirePageUser } from '@/lib/http/page-user';
import { CatalogBadge } from '@/components/tracking/catalog-badge';
import { calendarWithCatalog, followedCount } from '@/lib/tracking/lists';

export const metadata = { title: 'Calendar' };

export default async function CalendarPage() {
  const user = await requirePageUser('/calendar');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const [episodes, following] = await Promise.all([calendarWithCatalog(user.id, day(-7), day(28)), followedCount(user.id)]);
  const byDay = new Map<string, typeof episodes>();
  for (const e of episodes) byDay.set(e.air_date!, [...(byDay.get(e.air_date!) ?? []), e]);
  const code = (e: { season_number: number; number: number }) => `S${String(e.season_number).padStart(2, '0')}E${String(e.number).padStart(2, '0')}`;
  return (
    <AppShell user={user} current="calendar" title="Calendar" description="Episodes of the shows you follow, from a week ago to four weeks ahead.">
      {episodes.length === 0 ? (
        <p className="text-sm text-zinc-400" data-testid="calendar-empty">
          {following > 0 ? (
            `Nothing airs between a week ago and four weeks from now for the ${following === 1 ? 'show' : `${following} shows`} you follow.`
          ) : (
            <>
              You follow no shows yet. Follow one from its page (under{' '}
              <Link href="/shows" className="text-accent-300 hover:underline">
                Shows
              </Link>{' '}
              or Discover) and its episodes show up here.
            </>
          )}
        </p>
      ) : (
        <div className="space-y-6">
          {[...byDay].map(([date, eps]) => (
            <section key={date} aria-label={date} className="space-y-2">
              <h2 className={`text-sm font-semibold ${date === day(0) ? 'text-accent-300' : 'text-zinc-300'}`}>
                <time dateTime={date}>{date}</time>
                {date === day(0) && ' · today'}
              </h2>
              <ul className="divide-y divide-white/5 rounded-xl border border-white/10 bg-zinc-900/60 text-sm">
                {eps.map((e) =>
                  e.id && e.show_id ? (
                    <li key={e.id} className="flex gap-4 px-4 py-2">
                      <Link href={`/show/${encodeURIComponent(e.show_id)}`} className="font-medium text-zinc-100 hover:underline">
                        {e.show_title}
                      </Link>
                      <Link href={`/episode/${encodeURIComponent(e.id)}`} className="text-zinc-400 hover:text-zinc-100 hover:underline">
                        {code(e)}
                        {e.title ? ` · ${e.title}` : ''}
                      </Link>
                    </li>
                  ) : (
                    <li key={`trakt:${e.trakt_show_id}:${e.season_number}:${e.number}`} className="flex flex-wrap items-center gap-4 px-4 py-2">
                      <span className="font-medium text-zinc-100">{e.show_title}</span>
                      <span className="text-zinc-400">
                        {code(e)}
                        {e.title ? ` · ${e.title}` : ''}
                      </span>
                      <CatalogBadge />
                    </li>
                  ),
                )}
              </ul>
            </section>
          ))}
        </div>
      )}
    </AppShell>
  );
}
