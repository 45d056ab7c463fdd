'use client';
// A person's round photo, or (when there is none, or it fails to load) their initials on a
// gradient keyed by the name, like poster placeholders.
import { useState } from 'react';
import { posterGradient, posterInitials } from './media-poster-client';

interface PersonPhotoProps {
  name: string;
  /** A URL the browser can load (profile_url with a width, see image-src.ts); null for the initials. */
  src: string | null;
  srcSet?: string;
  className?: string;
}

export function PersonPhoto({ name, src, srcSet, className = '' }: PersonPhotoProps) {
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = src && failed !== src;
  return (
    <div aria-hidden className={`@container relative aspect-square overflow-hidden rounded-full bg-zinc-800 shadow-lg shadow-black/40 ring-1 ring-inset ring-white/10 ${className}`}>
      {showImage ? (
        <img src={src} srcSet={srcSet} sizes="6rem" alt="" loading="lazy" decoding="async" onError={() => setFailed(src)} className="size-full object-cover object-top" />
      ) : (
        <div className="flex size-full items-center justify-center" style={{ backgroundImage: posterGradient(name) }}>
          <span className="text-[clamp(1rem,36cqw,2.5rem)] font-black leading-none tracking-tight text-white/85 drop-shadow-[0_2px_8px_rgb(0_0_0/0.35)]">{posterInitials(name)}</span>
        </div>
      )}
    </div>
  );
}
