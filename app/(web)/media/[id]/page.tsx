// /media/[id] — a movie or video: poster, overview, cast and crew, and its files' facts (shows live on
// /show/[id], episodes on /episode/[id]: their ids are sent there); admins can Identify a movie (fix its online match).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NoProviderNotice } from '@/components/catalog/no-provider-notice';
import { AppShell } from '@/components/layout/app-shell';
import { IdentifyButton } from '@/components/library/identify-client';
import { MediaCredits } from '@/components/library/media-credits';
import { MediaDetailView } from '@/components/library/media-detail-client';
import { orNotFound } from '@/components/library/or-not-found';
import { ApiError } from '@/lib/errors/api-error';
import { requirePageUser } from '@/lib/http/page-user';
import { getEpisode } from '@/lib/library/browse';
import { getMediaCached } from '@/lib/library/cached-listings';
import { getLibrary } from '@/lib/library/libraries';
import { getCredits, getMatch } from '@/lib/metadata/online/online-admin';
import { configuredProvider } from '@/lib/metadata/online/online-provider';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getMediaCached((await params).id).catch(() => null);
  return { title: item?.title ?? 'Media' };
}

export default async function MediaPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/media/${id}`);
  // An episode's id (old links, API clients' ids) opens the episode's page.
  const item = await getMediaCached(id).catch((err: unknown) => {
    if (err instanceof ApiError && err.code === 'not_found') return null;
    throw err;
  });
  if (!item) redirect(`/episode/${encodeURIComponent((await orNotFound(getEpisode(id))).id)}`);
  if (item.kind === 'show') redirect(`/show/${encodeURIComponent(item.id)}`);
  const isAdmin = user.role === 'admin';
  const [library, credits, match] = await Promise.all([getLibrary(item.library_id), getCredits(id), isAdmin && item.kind === 'movie' ? getMatch(id) : null]);
  return (
    <AppShell user={user} current={item.kind === 'movie' ? 'movies' : 'libraries'} title={item.title}>
      <MediaDetailView
        initialMedia={item}
        library={{ id: library.id, name: library.name }}
        isAdmin={isAdmin}
        identify={match && <IdentifyButton initialMatch={match} notice={configuredProvider() ? undefined : <NoProviderNotice what="Identify" />} />}
        credits={<MediaCredits credits={credits} />}
      />
    </AppShell>
  );
}
