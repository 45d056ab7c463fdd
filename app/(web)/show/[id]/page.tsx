// /show/[id] — a show: poster, overview, seasons as tabs (?season=<id> picks one) and their episodes,
// cast and crew; admins can Identify it (fix its online match).
import type { Metadata } from 'next';
import { NoProviderNotice } from '@/components/catalog/no-provider-notice';
import { AppShell } from '@/components/layout/app-shell';
import { IdentifyButton } from '@/components/library/identify-client';
import { MediaCredits } from '@/components/library/media-credits';
import { orNotFound } from '@/components/library/or-not-found';
import { ShowView } from '@/components/library/show-client';
import { requirePageUser } from '@/lib/http/page-user';
import { getSeason, listSeasons } from '@/lib/library/browse';
import { getMediaCached } from '@/lib/library/cached-listings';
import { getLibrary } from '@/lib/library/libraries';
import { getCredits, getMatch } from '@/lib/metadata/online/online-admin';
import { configuredProvider } from '@/lib/metadata/online/online-provider';
import { isFollowing } from '@/lib/tracking/watched';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ season?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const show = await getMediaCached((await params).id, 'show').catch(() => null);
  return { title: show?.title ?? 'Show' };
}

export default async function ShowPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { season: wanted } = await searchParams;
  const user = await requirePageUser(`/show/${id}`);
  const show = await orNotFound(getMediaCached(id, 'show'));
  const [seasons, library, credits, match] = await Promise.all([
    listSeasons(id),
    getLibrary(show.library_id),
    getCredits(id),
    user.role === 'admin' ? getMatch(id) : null,
  ]);
  const selected = seasons.find((s) => s.id === wanted) ?? seasons.find((s) => s.number > 0) ?? seasons[0];
  const [season, following] = await Promise.all([selected ? getSeason(selected.id, user.id) : null, isFollowing(user.id, id)]);
  return (
    <AppShell user={user} current="shows" title={show.title}>
      <ShowView
        initialShow={show}
        initialSeasons={seasons}
        initialSeason={season}
        library={{ id: library.id, name: library.name }}
        initialFollowing={following}
        identify={match && <IdentifyButton initialMatch={match} notice={configuredProvider() ? undefined : <NoProviderNotice what="Identify" />} />}
        credits={<MediaCredits credits={credits} />}
      />
    </AppShell>
  );
}
