// The home page's tracking rows: continue watching (with progress), next up, your shows (with
// progress, catalog-only shows from Trakt too) and recently added. Server-rendered from the caller's own lists.
import Link from 'next/link';
import { imageSrc } from '@/components/library/image-src';
import { MediaPoster } from '@/components/library/media-poster-client';
import type { calendarWithCatalog, continueWatching, nextUp, yourShows } from '@/lib/tracking/lists';
import { CatalogBadge } from './catalog-badge';

type Continue = Awaited<ReturnType<typeof continueWatching>>;
type NextUp = Awaited<ReturnType<typeof nextUp>>;
type Shows = Awaited<ReturnType<typeof yourShows>>;
type Upcoming = Awaited<ReturnType<typeof calendarWithCatalog>>;
type Added = { id: string; kind: 'movie' | 'show' | 'video'; title: string; poster_url: string | null }[];

const code = (e: { season_number: number; number: number }) => `S${String(e.season_number).padStart(2, '0')}E${String(e.number).padStart(2, '0')}`;

function Progress({ value, label }: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-1.5 overflow-hidden rounded-full bg-white/10">
      <div className="h-full rounded-full bg-accent-400" style={{ width: `${pct}%` }} />
    </div>
  );
}

function Row({ title, children, empty, more }: { title: string; children: React.ReactNode[]; empty?: string; more?: { href: string; label: string } }) {
  if (children.length === 0 && !empty) return null;
  return (
    <section aria-label={title} className="space-y-3">
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold text-zinc-50">{title}</h2>
        {more && (
          <Link href={more.href} className="text-sm text-accent-300 hover:underline">
            {more.label}
          </Link>
        )}
      </div>
      {children.length === 0 ? <p className="text-sm text-zinc-400">{empty}</p> : <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">{children}</ul>}
    </section>
  );
}

function Card({ href, title, line, poster, children }: { href: string | null; title: string; line?: string; poster: string | null; children?: React.ReactNode }) {
  const body = (
    <>
      <MediaPoster title={title} src={imageSrc(poster, 300)} className="w-full" />
      <div className="space-y-1">
        <p className="truncate text-sm font-medium text-zinc-100 group-hover:text-white">{title}</p>
        {line && <p className="truncate text-xs text-zinc-400">{line}</p>}
        {children}
      </div>
    </>
  );
  // A title with no page of ours (catalog-only) is a card without a link.
  return (
    <li>
      {href ? (
        <Link href={href} className="group block space-y-2 rounded-xl focus-visible:outline-2 focus-visible:outline-accent-400">
          {body}
        </Link>
      ) : (
        <div className="space-y-2">{body}</div>
      )}
    </li>
  );
}

/** How many cards a row of the home page shows (two rows of six on a wide screen); /shows lists all followed shows. */
export const HOME_ROW = 12;

/** Followed shows with their progress, most recently watched first; with `total`, a link to all of them when there are more. */
export function YourShows({ shows, total }: { shows: Shows; total?: number }) {
  return (
    <Row title="Your shows" empty="Follow a show from its page to see your progress here." more={total !== undefined && total > shows.length ? { href: '/shows', label: `All ${total} shows` } : undefined}>
      {shows.map((s) => (
        <Card key={s.id ?? `trakt:${s.trakt_id}`} href={s.id ? `/show/${encodeURIComponent(s.id)}` : null} title={s.title} line={`${s.watched} of ${s.aired} watched`} poster={s.poster_url}>
          <Progress value={s.aired ? s.watched / s.aired : 0} label={`${s.title} watched`} />
          {s.catalog_only && <CatalogBadge />}
        </Card>
      ))}
    </Row>
  );
}

export function HomeTracking({ cont, next, shows, followed, added, upcoming }: { cont: Continue; next: NextUp; shows: Shows; followed: number; added: Added; upcoming: Upcoming }) {
  return (
    <div className="space-y-10">
      <Row title="Continue watching">
        {cont.map((c) => (
          <Card key={c.id} href={`/watch/${encodeURIComponent(c.id)}`} title={c.title} line={c.episode ? `${code(c.episode)}${c.episode.title ? ` · ${c.episode.title}` : ''}` : undefined} poster={c.poster_url}>
            {c.progress !== null && <Progress value={c.progress} label={`${c.title} progress`} />}
          </Card>
        ))}
      </Row>
      <Row title="Next up">
        {next.map((n) => (
          <Card key={n.show_id ?? `trakt:${n.trakt_show_id}`} href={n.episode.id ? `/watch/${encodeURIComponent(n.episode.id)}` : null} title={n.show_title} line={`${code(n.episode)}${n.episode.title ? ` · ${n.episode.title}` : ''}`} poster={n.poster_url}>
            {n.catalog_only && <CatalogBadge />}
          </Card>
        ))}
      </Row>
      <YourShows shows={shows} total={followed} />
      {upcoming.length > 0 && (
        <section aria-label="Upcoming" className="space-y-3">
          <h2 className="text-lg font-semibold text-zinc-50">Upcoming</h2>
          <ul className="divide-y divide-white/5 rounded-xl border border-white/10 bg-zinc-900/60 text-sm">
            {upcoming.map((e) => (
              <li key={e.id ?? `trakt:${e.trakt_show_id}:${e.season_number}:${e.number}`} className="flex gap-4 px-4 py-2">
                <time className="w-24 shrink-0 text-zinc-400">{e.air_date}</time>
                <span className="text-zinc-100">{e.show_title}</span>
                <span className="text-zinc-400">{code(e)}{e.title ? ` · ${e.title}` : ''}</span>
                {e.catalog_only && <CatalogBadge />}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Row title="Recently added">
        {added.map((a) => (
          <Card key={a.id} href={a.kind === 'show' ? `/show/${encodeURIComponent(a.id)}` : `/media/${encodeURIComponent(a.id)}`} title={a.title} poster={a.poster_url} />
        ))}
      </Row>
    </div>
  );
}
