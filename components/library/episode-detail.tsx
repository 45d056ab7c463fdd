// /episode/[id]: the still (or a placeholder), show › season, code and air date, watched toggle,
// Play (or Resume), overview, the episodes before and after, and the episode's files.
import Link from 'next/link';
import type { EpisodePage } from '@/lib/library/episode-page';
import { asMediaInfo, formatDuration } from './describe-media-info';
import { EpisodeWatchedToggle } from './episode-watched-client';
import { imageSrc, imageSrcSet } from './image-src';
import { posterGradient } from './media-poster-client';
import { MediaVersions } from './media-versions';
import { MissingBadge } from './missing-badge';
import { PlayLink } from './play-link';
import { PlayOnMenu } from '@/components/remote/play-on-menu-client';

export const episodeCode = (e: { season_number: number; number: number }) => `S${String(e.season_number).padStart(2, '0')}E${String(e.number).padStart(2, '0')}`;
export const episodeTitle = (e: { number: number; title: string | null }) => e.title ?? `Episode ${e.number}`;

const seasonLabel = (s: { number: number; title: string }) => s.title.trim() || (s.number === 0 ? 'Specials' : `Season ${s.number}`);

export function EpisodeDetail({ page, isAdmin }: { page: EpisodePage; isAdmin: boolean }) {
  const { episode: e, show, season, previous, next } = page;
  const still = e.thumb_url ?? show.backdrop_url;
  const duration = formatDuration(asMediaInfo(e.files[0]?.media_info)?.duration ?? null);
  const playable = e.status !== 'missing' && e.files.length > 0;
  const showHref = `/show/${encodeURIComponent(show.id)}`;
  return (
    <div className="space-y-10">
      <div className="grid gap-6 md:grid-cols-[minmax(0,28rem)_minmax(0,1fr)] md:gap-8">
        <div className="relative aspect-video overflow-hidden rounded-2xl bg-zinc-800 shadow-lg shadow-black/40 ring-1 ring-inset ring-white/10">
          {still ? (
            <img
              src={imageSrc(still, 640)!}
              srcSet={imageSrcSet(still, [320, 640, 1280])}
              sizes="(min-width: 768px) 28rem, 100vw"
              alt=""
              decoding="async"
              className={`size-full object-cover ${e.status === 'missing' ? 'opacity-50 grayscale' : ''}`}
            />
          ) : (
            <div aria-hidden className="grid size-full place-items-center" style={{ backgroundImage: posterGradient(show.title) }}>
              <span className="font-mono text-4xl font-black tracking-tight text-[#fff]/80">{episodeCode(e)}</span>
            </div>
          )}
        </div>
        <div className="min-w-0 space-y-4">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-400">
            <span className="font-mono font-semibold text-zinc-200">{episodeCode(e)}</span>
            {e.air_date && (
              <span>
                · aired <time dateTime={e.air_date}>{e.air_date}</time>
              </span>
            )}
            {duration && <span>· {duration}</span>}
          </p>
          {e.status === 'missing' && (
            <p className="flex items-center gap-2 text-sm text-zinc-400">
              <MissingBadge /> This episode’s file is not on disk.
            </p>
          )}
          <div className="flex flex-wrap items-center gap-3">
            {playable && <PlayLink id={e.id} label={page.position_secs ? 'Resume' : 'Play'} />}
            {playable && <PlayOnMenu mediaId={e.id} startAt={page.position_secs ?? 0} />}
            <EpisodeWatchedToggle episodeId={e.id} seasonId={season.id} initialWatched={e.watched ?? false} />
          </div>
          {page.position_secs ? <p className="text-xs text-zinc-500">Stopped at {formatDuration(page.position_secs)}.</p> : null}
          {e.overview ? <p className="max-w-prose whitespace-pre-line leading-relaxed text-zinc-300">{e.overview}</p> : <p className="text-sm italic text-zinc-500">No overview yet.</p>}
          <p className="text-sm">
            <Link href={showHref} className="text-accent-300 hover:underline">
              All episodes of {show.title}
            </Link>
          </p>
        </div>
      </div>

      {(previous || next) && (
        <nav aria-label="Episodes" className="grid gap-3 sm:grid-cols-2">
          {previous ? <Neighbour to={previous} rel="prev" /> : <span />}
          {next && <Neighbour to={next} rel="next" />}
        </nav>
      )}

      <MediaVersions files={e.files} isAdmin={isAdmin} />
    </div>
  );
}

export function EpisodeCrumbs({ page }: { page: EpisodePage }) {
  const { show, season } = page;
  const showHref = `/show/${encodeURIComponent(show.id)}`;
  return (
    // Spans, not a <nav>: this sits in the page header's description paragraph.
    <span className="inline-flex min-w-0 flex-wrap items-center gap-x-2" data-testid="episode-crumbs">
      <Link href={showHref} className="text-accent-300 [overflow-wrap:anywhere] hover:underline">
        {show.title}
      </Link>
      <span aria-hidden className="text-zinc-600">›</span>
      <Link href={`${showHref}?season=${encodeURIComponent(season.id)}`} className="text-accent-300 hover:underline">
        {seasonLabel(season)}
      </Link>
    </span>
  );
}

function Neighbour({ to, rel }: { to: NonNullable<EpisodePage['next']>; rel: 'prev' | 'next' }) {
  return (
    <Link
      href={`/episode/${encodeURIComponent(to.id)}`}
      rel={rel}
      className={`group min-w-0 rounded-xl border border-white/10 bg-zinc-900/60 px-4 py-3 hover:bg-white/5 focus-visible:outline-2 focus-visible:outline-accent-400 ${rel === 'next' ? 'sm:col-start-2 sm:text-right' : ''}`}
    >
      <span className="block text-xs text-zinc-500">{rel === 'prev' ? '← Previous' : 'Next →'}</span>
      <span className="block truncate text-sm font-medium text-zinc-100">
        {episodeCode(to)} · {episodeTitle(to)}
      </span>
    </Link>
  );
}
