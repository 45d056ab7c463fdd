// /media/[id] — a movie or video: poster, overview and its files' facts (shows live on /show/[id]).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { MediaDetailView } from '@/components/library/media-detail-client';
import { orNotFound } from '@/components/library/or-not-found';
import { requirePageUser } from '@/lib/http/page-user';
import { getMedia } from '@/lib/library/browse';
import { getLibrary } from '@/lib/library/libraries';

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
  const library = await getLibrary(item.library_id);
  return (
    <AppShell user={user} current="libraries" title={item.title}>
      <MediaDetailView initialMedia={item} library={{ id: library.id, name: library.name }} isAdmin={user.role === 'admin'} />
    </AppShell>
  );
}
