'use client';
// /media/[id]: a movie or video — poster, facts, overview, and its files as "Versions".
import { useMedia, type MediaDetail } from '@/components/queries/use-media';
import { MediaHero } from './media-hero';
import { PlayLink } from './play-link';
import { MediaVersions } from './media-versions';

interface MediaDetailProps {
  initialMedia: MediaDetail;
  library?: { id: string; name: string };
  isAdmin: boolean;
}

export function MediaDetailView({ initialMedia, library, isAdmin }: MediaDetailProps) {
  const { data: item = initialMedia } = useMedia(initialMedia.id, initialMedia);
  return (
    <div className="space-y-10">
      <MediaHero item={item} library={library}>
        {item.status !== 'missing' && item.files.length > 0 && <PlayLink id={item.id} />}
      </MediaHero>
      <MediaVersions files={item.files} isAdmin={isAdmin} />
    </div>
  );
}
