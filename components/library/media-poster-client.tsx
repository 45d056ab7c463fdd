'use client';
// A poster: the artwork when there is a URL for it, else (or when it fails to load) a generated
// placeholder — the title's initials on a gradient whose colours are keyed by the title (its ink is
// white in either theme: the gradient is dark).
import { useState } from 'react';

interface MediaPosterProps {
  title: string;
  /** A URL the browser can load (poster_url with a width, see image-src.ts); null for the placeholder. */
  src?: string | null;
  /** Other widths of the same image, with `sizes` saying how wide the poster is laid out. */
  srcSet?: string;
  sizes?: string;
  /** Decorative by default: the title is printed next to it. */
  alt?: string;
  className?: string;
}

const SMALL_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'le', 'la', 'les', 'der', 'die', 'das', 'el']);

/** FNV-1a over UTF-16 units: a stable number per title. */
function hashTitle(title: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function posterInitials(title: string): string {
  const words = title.split(/[\s\-_:.·]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const significant = words.filter((w, i) => i === words.length - 1 || !SMALL_WORDS.has(w.toLowerCase()));
  const letters = significant.slice(0, 2).map((w) => Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}

export function posterGradient(title: string): string {
  const h = hashTitle(title.toLowerCase());
  const hue = h % 360;
  const hue2 = (hue + 30 + ((h >>> 9) % 60)) % 360;
  const angle = 120 + ((h >>> 17) % 90);
  return `linear-gradient(${angle}deg, hsl(${hue} 55% 38%), hsl(${hue2} 60% 16%))`;
}

export function MediaPoster({ title, src, srcSet, sizes, alt, className = '' }: MediaPosterProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = src && failed !== src;
  return (
    <div
      role={alt ? 'img' : undefined}
      aria-label={alt}
      aria-hidden={alt ? undefined : true}
      className={`@container relative aspect-[2/3] overflow-hidden rounded-xl bg-zinc-800 shadow-lg shadow-black/40 ring-1 ring-inset ring-white/10 ${className}`}
    >
      {showImage ? (
        <img src={src} srcSet={srcSet} sizes={sizes} alt="" loading="lazy" decoding="async" onError={() => setFailed(src)} className="size-full object-cover" />
      ) : (
        <div className="flex size-full flex-col items-center justify-center p-3 text-center" style={{ backgroundImage: posterGradient(title) }}>
          <span className="text-[clamp(1.25rem,30cqw,4.5rem)] font-black leading-none tracking-tight text-[#fff]/85 drop-shadow-[0_2px_8px_rgb(0_0_0/0.35)]">
            {posterInitials(title)}
          </span>
          <span className="mt-2 line-clamp-2 max-w-full text-[clamp(0.55rem,6cqw,0.8rem)] font-medium uppercase tracking-[0.14em] text-[#fff]/55">{title}</span>
          <span aria-hidden className="pointer-events-none absolute inset-0 bg-[radial-gradient(circle_at_30%_15%,rgb(255_255_255/0.16),transparent_55%)]" />
        </div>
      )}
    </div>
  );
}
