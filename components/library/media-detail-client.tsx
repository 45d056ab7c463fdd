'use client';
// /media/[id]: a movie or video — poster, facts, overview, cast and crew, and its files as "Versions".
import type { ReactNode } from 'react';
import { useMedia, type MediaDetail } from '@/components/queries/use-media';
import { MediaHero } from './media-hero';
import { PlayLink } from './play-link';
import { PlayOnMenu } from '@/components/remote/play-on-menu-client';
import { MediaVersions } from './media-versions';

interface MediaDetailProps {
  initialMedia: MediaDetail;
  library?: { id: string; name: string };
  isAdmin: boolean;
  /** Beside Play: the admins' Identify button. */
  identify?: ReactNode;
  /** Cast and crew, rendered on the server. */
  credits?: ReactNode;
}

export function MediaDetailView({ initialMedia, library, isAdmin, identify, credits }: MediaDetailProps) {
  const { data: item = initialMedia } = useMedia(initialMedia.id, initialMedia);
  const playable = item.status !== 'missing' && item.files.length > 0;
  return (
    <div className="space-y-10">
      <MediaHero item={item} library={library}>
        {(playable || identify) && (
          <div className="flex flex-wrap items-center gap-3">
            {playable && <PlayLink id={item.id} />}
            {playable && <PlayOnMenu mediaId={item.id} />}
            {identify}
          </div>
        )}
      </MediaHero>
      {credits}
      <MediaVersions files={item.files} isAdmin={isAdmin} />
    </div>
  );
}
