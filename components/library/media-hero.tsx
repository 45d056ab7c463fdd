// The top of an item's page: backdrop (faded behind), poster, facts line (year · kind · library),
// Missing badge, overview.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { MediaDetail } from '@/components/queries/use-media';
import { imageSrc, imageSrcSet } from './image-src';
import { MediaPoster } from './media-poster-client';
import { MissingBadge } from './missing-badge';

const KINDS = { movie: 'Movie', show: 'TV show', video: 'Video' } as const;

interface MediaHeroProps {
  item: MediaDetail;
  library?: { id: string; name: string };
  /** Extra facts for the line under the title ("2 seasons"). */
  facts?: string[];
  children?: ReactNode;
}

export function MediaHero({ item, library, facts = [], children }: MediaHeroProps) {
  const backdrop = imageSrc(item.backdrop_url, 1280);
  return (
    <div className="relative isolate grid gap-6 sm:grid-cols-[11rem_minmax(0,1fr)] md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8">
      {backdrop && (
        <img
          src={backdrop}
          srcSet={imageSrcSet(item.backdrop_url, [640, 1280, 1920])}
          sizes="100vw"
          alt=""
          aria-hidden
          decoding="async"
          className="pointer-events-none absolute inset-x-0 -top-6 -z-10 h-72 w-full rounded-3xl object-cover opacity-25 [mask-image:linear-gradient(to_bottom,black,transparent)]"
        />
      )}
      <MediaPoster
        title={item.title}
        src={imageSrc(item.poster_url, 400)}
        srcSet={imageSrcSet(item.poster_url, [400, 800])}
        sizes="(min-width: 768px) 14rem, 11rem"
        className="mx-auto w-44 sm:mx-0 sm:w-full"
      />
      <div className="min-w-0 space-y-4">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-400">
          {[item.year ? String(item.year) : null, KINDS[item.kind], ...facts].filter(Boolean).map((f, i) => (
            <span key={i} className="after:ml-2 after:text-zinc-600 after:content-['·'] last:after:content-none">
              {f}
            </span>
          ))}
          {library && (
            <Link href={`/libraries/${encodeURIComponent(library.id)}`} className="min-w-0 rounded text-accent-300 [overflow-wrap:anywhere] hover:text-accent-400 hover:underline focus-visible:outline-2 focus-visible:outline-accent-400">
              {library.name}
            </Link>
          )}
        </p>
        {item.status === 'missing' && (
          <p className="flex items-center gap-2 text-sm text-zinc-400">
            <MissingBadge /> The files of this {item.kind === 'show' ? 'show' : 'title'} are no longer on disk.
          </p>
        )}
        {item.overview ? (
          <p className="max-w-prose whitespace-pre-line leading-relaxed text-zinc-300">{item.overview}</p>
        ) : (
          <p className="text-sm italic text-zinc-500">No overview yet.</p>
        )}
        {children}
      </div>
    </div>
  );
}
