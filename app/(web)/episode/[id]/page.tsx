// /episode/[id] — one episode: still, show › season, air date, watched, Play, overview, previous and
// next episode, and its files.
import type { Metadata } from 'next';
import { AppShell } from '@/components/layout/app-shell';
import { EpisodeCrumbs, EpisodeDetail, episodeCode, episodeTitle } from '@/components/library/episode-detail';
import { orNotFound } from '@/components/library/or-not-found';
import { getPageUser, requirePageUser } from '@/lib/http/page-user';
import { getEpisodePage } from '@/lib/library/episode-page';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getPageUser();
  const page = user ? await getEpisodePage((await params).id, user.id).catch(() => null) : null;
  return { title: page ? `${page.show.title} ${episodeCode(page.episode)}` : 'Episode' };
}

export default async function EpisodePage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/episode/${id}`);
  const page = await orNotFound(getEpisodePage(id, user.id));
  return (
    <AppShell user={user} current="shows" title={episodeTitle(page.episode)} description={<EpisodeCrumbs page={page} />}>
      <EpisodeDetail page={page} isAdmin={user.role === 'admin'} />
    </AppShell>
  );
}
