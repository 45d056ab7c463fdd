// One item in a grid: poster, title (the link), year, and a Missing badge when its files are gone.
import Link from 'next/link';
import type { MediaItem } from '@/components/queries/use-library-media';
import { imageSrc, imageSrcSet } from './image-src';
import { mediaHref } from './media-href';
import { MediaPoster } from './media-poster-client';
import { MissingBadge } from './missing-badge';

export function MediaCard({ item }: { item: MediaItem }) {
  return (
    <li className="group relative">
      <MediaPoster
        title={item.title}
        src={imageSrc(item.poster_url, 400)}
        srcSet={imageSrcSet(item.poster_url, [200, 400, 800])}
        sizes="(min-width: 1024px) 16vw, (min-width: 768px) 25vw, (min-width: 640px) 33vw, 50vw"
        className={`transition-transform duration-200 group-hover:-translate-y-0.5 group-focus-within:ring-2 group-focus-within:ring-accent-400 ${item.status === 'missing' ? 'opacity-50 grayscale' : ''}`}
      />
      {item.status === 'missing' && <MissingBadge className="absolute right-2 top-2 bg-zinc-950/80 backdrop-blur" />}
      <h3 className="mt-2 line-clamp-2 text-sm font-medium leading-snug text-zinc-100">
        <Link href={mediaHref(item)} className="outline-none after:absolute after:inset-0 after:rounded-xl">
          {item.title}
        </Link>
      </h3>
      <p className="text-xs text-zinc-500">{item.year ?? '\u00a0'}</p>
    </li>
  );
}
