// /history — what you watched, newest first, with dates (?page=N); plays of your Trakt history that
// are in no library are marked "On Trakt, not in your library".
import Link from 'next/link';
import { AppShell } from '@/components/layout/app-shell';
import { imageSrc } from '@/components/library/image-src';
import { MediaPoster } from '@/components/library/media-poster-client';
import { CatalogBadge } from '@/components/tracking/catalog-badge';
import { requirePageUser } from '@/lib/http/page-user';
import { history } from '@/lib/tracking/lists';

export const metadata = { title: 'History' };
const PAGE_SIZE = 50;

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser('/history');
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const h = await history(user.id, page, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(h.total / PAGE_SIZE));
  const code = (e: { season_number: number; number: number }) => `S${String(e.season_number).padStart(2, '0')}E${String(e.number).padStart(2, '0')}`;
  return (
    <AppShell user={user} current="history" title="History" description={`${h.total} viewing${h.total === 1 ? '' : 's'}`}>
      {h.items.length === 0 ? (
        <p className="text-sm text-zinc-400">Nothing watched yet.</p>
      ) : (
        <ol aria-label="Viewings" className="divide-y divide-white/5 rounded-2xl border border-white/10 bg-zinc-900/60">
          {h.items.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm" data-catalog-only={v.catalog_only || undefined}>
              <time dateTime={v.watched_at} className="w-40 shrink-0 text-zinc-400">
                {new Date(v.watched_at).toISOString().slice(0, 16).replace('T', ' ')}
              </time>
              <MediaPoster title={v.title} src={imageSrc(v.poster_url, 200)} alt={v.poster_url ? `${v.title} poster` : undefined} className="w-8 shrink-0" />
              {v.catalog ? (
                <>
                  {v.catalog.show_id ? (
                    <Link href={`/show/${encodeURIComponent(v.catalog.show_id)}`} className="font-medium text-zinc-100 hover:underline">
                      {v.title}
                    </Link>
                  ) : (
                    <span className="font-medium text-zinc-100" title={v.catalog.overview ?? undefined}>
                      {v.title}
                      {v.catalog.year ? ` (${v.catalog.year})` : ''}
                    </span>
                  )}
                  {v.catalog.season_number !== null && v.catalog.number !== null && (
                    <span className="text-zinc-400">
                      {code({ season_number: v.catalog.season_number, number: v.catalog.number })}
                      {v.catalog.episode_title ? ` · ${v.catalog.episode_title}` : ''}
                    </span>
                  )}
                  {v.catalog.rating !== null && <span className="text-zinc-400">★ {v.catalog.rating.toFixed(1)}</span>}
                  <CatalogBadge />
                </>
              ) : (
                <>
                  <Link href={v.episode ? `/show/${encodeURIComponent(v.episode.show_id)}` : `/media/${encodeURIComponent(v.media_id ?? '')}`} className="font-medium text-zinc-100 hover:underline">
                    {v.title}
                  </Link>
                  {v.episode && (
                    <Link href={`/episode/${encodeURIComponent(v.episode.id)}`} className="text-zinc-400 hover:text-zinc-100 hover:underline">
                      {code(v.episode)}
                      {v.episode.title ? ` · ${v.episode.title}` : ''}
                    </Link>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {page > 1 && <Link href={`/history?page=${page - 1}`} className="text-accent-300 hover:underline">← Newer</Link>}
          <span className="text-zinc-400">Page {page} of {pages}</span>
          {page < pages && <Link href={`/history?page=${page + 1}`} className="text-accent-300 hover:underline">Older →</Link>}
        </nav>
      )}
    </AppShell>
  );
}
