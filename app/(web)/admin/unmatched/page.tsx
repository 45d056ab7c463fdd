// /admin/unmatched — items the online provider could not match with confidence (?page=N), each
// linking to its page, where Identify picks the right record. For admins.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { AppShell } from '@/components/layout/app-shell';
import { mediaHref } from '@/components/library/media-href';
import { Panel } from '@/components/ui/panel';
import { requirePageAdmin } from '@/lib/http/page-user';
import { listLibraries } from '@/lib/library/reads/library-list';
import { listUnmatched } from '@/lib/metadata/online/online-admin';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Unmatched items' };

const PER_PAGE = 50;
const KINDS = { movie: 'Movie', show: 'TV show', video: 'Video' } as const;
const pageLink = 'rounded-lg bg-white/5 px-2.5 py-1.5 text-xs font-semibold text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-accent-400';

export default async function AdminUnmatchedPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const admin = await requirePageAdmin('/admin/unmatched');
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const [list, libraries] = await Promise.all([listUnmatched({ page, per_page: PER_PAGE }), listLibraries()]);
  const libraryName = new Map(libraries.map((l) => [l.id, l.name]));
  const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
  const from = (page - 1) * PER_PAGE + 1;
  return (
    <AppShell user={admin} current="admin" title="Unmatched items" description="Movies and shows TMDB could not match with confidence. Open one and use Identify to pick its record.">
      <AdminNav current="unmatched" />
      <Panel title="Unmatched" description={`${list.total} ${list.total === 1 ? 'item' : 'items'}, by title.`}>
        {list.items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-white/10 px-4 py-6 text-center text-sm text-zinc-400">
            {list.total === 0 ? 'Nothing is unmatched: every item has a match or has not been looked up yet.' : 'No items on this page.'}
          </p>
        ) : (
          <DataTable caption="Unmatched items" minWidth="40rem" columns={['Title', 'Year', 'Kind', 'Library', 'Reason']}>
                {list.items.map((item) => (
                  <tr key={item.id} data-testid={`unmatched-row-${item.id}`} className="align-top hover:bg-white/[0.02]">
                    <td className="px-4 py-3">
                      <Link href={mediaHref(item)} className="rounded font-medium text-zinc-100 hover:underline focus-visible:outline-2 focus-visible:outline-accent-400">
                        {item.title}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 tabular-nums text-zinc-300">{item.year ?? '—'}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-zinc-300">{KINDS[item.kind]}</td>
                    <td className="px-4 py-3 text-zinc-400">{libraryName.get(item.library_id) ?? '—'}</td>
                    <td className="px-4 py-3 text-zinc-400">{item.reason ?? '—'}</td>
                  </tr>
                ))}
              </DataTable>
        )}
        {pages > 1 && (
          <nav aria-label="Pages of unmatched items" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-400">
            <p>
              {list.items.length > 0 ? `${from}–${from + list.items.length - 1} of ${list.total} · ` : ''}page {page} of {pages}
            </p>
            <div className="flex gap-2">
              {page > 1 && (
                <Link href={`/admin/unmatched?page=${Math.min(page - 1, pages)}`} className={pageLink}>
                  Previous page
                </Link>
              )}
              {page < pages && (
                <Link href={`/admin/unmatched?page=${page + 1}`} className={pageLink}>
                  Next page
                </Link>
              )}
            </div>
          </nav>
        )}
      </Panel>
    </AppShell>
  );
}
