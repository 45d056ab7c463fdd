// /media/[id] — a movie or video: poster, overview, cast and crew, and its files' facts (shows live on
// /show/[id]); admins can Identify a movie (fix its online match).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { IdentifyButton } from '@/components/library/identify-client';
import { MediaCredits } from '@/components/library/media-credits';
import { MediaDetailView } from '@/components/library/media-detail-client';
import { orNotFound } from '@/components/library/or-not-found';
import { requirePageUser } from '@/lib/http/page-user';
import { getMedia } from '@/lib/library/browse';
import { getLibrary } from '@/lib/library/libraries';
import { getCredits, getMatch } from '@/lib/metadata/online/online-admin';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getMedia((await params).id).catch(() => null);
  return { title: item?.title ?? 'Media' };
}

export default async function MediaPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/media/${id}`);
  const item = await orNotFound(getMedia(id));
  if (item.kind === 'show') redirect(`/show/${encodeURIComponent(item.id)}`);
  const isAdmin = user.role === 'admin';
  const [library, credits, match] = await Promise.all([getLibrary(item.library_id), getCredits(id), isAdmin && item.kind === 'movie' ? getMatch(id) : null]);
  return (
    <AppShell user={user} current="libraries" title={item.title}>
      <MediaDetailView
        initialMedia={item}
        library={{ id: library.id, name: library.name }}
        isAdmin={isAdmin}
        identify={match && <IdentifyButton initialMatch={match} />}
        credits={<MediaCredits credits={credits} />}
      />
    </AppShell>
  );
}
