// A season's episodes: thumb (or the number), title (or "Episode N", a link to its page), air date, Missing badge and a
// file facts line.
import Link from 'next/link';
import type { Episode } from '@/components/queries/use-seasons';
import { asMediaInfo, fileSummary } from './describe-media-info';
import { imageSrc, imageSrcSet } from './image-src';
import { MissingBadge } from './missing-badge';
import { PlayLink } from './play-link';

export function EpisodeList({ episodes, label, onWatched }: { episodes: Episode[]; label: string; onWatched?: (e: Episode, watched: boolean) => void }) {
  if (episodes.length === 0) return <p className="py-6 text-sm text-zinc-400">No episodes in this season.</p>;
  return (
    <ol aria-label={label} className="divide-y divide-white/5 overflow-hidden rounded-2xl border border-white/10 bg-zinc-900/60">
      {episodes.map((e) => {
        const facts = e.files.map((f) => fileSummary(asMediaInfo(f.media_info), f.size)).filter((s): s is string => Boolean(s));
        return (
          <li key={e.id} className={`flex gap-4 px-4 py-4 sm:px-5 ${e.status === 'missing' ? 'opacity-70' : ''}`}>
            {e.thumb_url ? (
              <span aria-hidden className="relative aspect-video w-28 shrink-0 overflow-hidden rounded-lg bg-zinc-800 ring-1 ring-inset ring-white/10 sm:w-36">
                <img
                  src={imageSrc(e.thumb_url, 320)!}
                  srcSet={imageSrcSet(e.thumb_url, [320, 640])}
                  sizes="(min-width: 640px) 9rem, 7rem"
                  alt=""
                  loading="lazy"
                  decoding="async"
                  className="size-full object-cover"
                />
                <span className="absolute bottom-1 left-1 rounded bg-zinc-950/75 px-1.5 font-mono text-xs font-semibold text-zinc-200">{e.number}</span>
              </span>
            ) : (
              <span aria-hidden className="grid size-10 shrink-0 place-items-center rounded-xl bg-white/5 font-mono text-sm font-semibold text-zinc-300 ring-1 ring-inset ring-white/10">
                {e.number}
              </span>
            )}
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <h3 className="min-w-0 font-medium text-zinc-100 [overflow-wrap:anywhere]">
                  <Link href={`/episode/${encodeURIComponent(e.id)}`} className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-accent-400">
                    {e.title ? (
                      <>
                        <span className="sr-only">Episode {e.number}: </span>
                        {e.title}
                      </>
                    ) : (
                      `Episode ${e.number}`
                    )}
                  </Link>
                </h3>
                {e.status === 'missing' && <MissingBadge />}
                {e.status !== 'missing' && e.files.length > 0 && <PlayLink id={e.id} small label={`Play episode ${e.number}`} />}
                {onWatched && e.watched !== undefined && (
                  <button
                    type="button"
                    aria-pressed={e.watched}
                    aria-label={`Episode ${e.number} watched`}
                    onClick={() => onWatched(e, !e.watched)}
                    className={`ml-auto rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${e.watched ? 'bg-emerald-500/20 text-emerald-200 ring-emerald-400/40' : 'text-zinc-400 ring-white/15 hover:text-zinc-100'}`}
                  >
                    {e.watched ? '✓ Watched' : 'Mark watched'}
                  </button>
                )}
                {e.air_date && (
                  <time dateTime={e.air_date} className="text-xs text-zinc-500">
                    {e.air_date}
                  </time>
                )}
              </div>
              {e.overview && <p className="mt-1 line-clamp-2 text-sm text-zinc-400">{e.overview}</p>}
              {facts.map((line, i) => (
                <p key={i} className="mt-1 text-xs text-zinc-500">
                  {line}
                </p>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
