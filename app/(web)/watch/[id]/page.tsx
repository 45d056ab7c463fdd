// /watch/[id] — the player for a movie, video or episode.
import type { Metadata } from 'next';
import { AppHeader } from '@/components/layout/app-header';
import { orNotFound } from '@/components/library/or-not-found';
import { Player } from '@/components/player/player-client';
import { requirePageUser } from '@/lib/http/page-user';
import { getWatchTarget } from '@/lib/stream/watch-target';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const target = await getWatchTarget((await params).id).catch(() => null);
  return { title: target ? `${target.title}${target.subtitle ? ` · ${target.subtitle}` : ''}` : 'Watch' };
}

export default async function WatchPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/watch/${id}`);
  const target = await orNotFound(getWatchTarget(id));
  return (
    <>
      <AppHeader user={user} current="libraries" />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <Player key={target.id} target={target} />
      </main>
    </>
  );
}
