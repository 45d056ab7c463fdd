// One episode as its page shows it: the episode with its files, its show and season, the
// caller's watched state and resume point, and the episodes before and after it in the show.
// Specials (season 0) step among specials; other seasons run on into each other.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { imageUrl } from '@/lib/media/image-key';
import { episodeView } from './media-views';

type Neighbour = { id: string; seasonNumber: number; number: number; title: string | null };

const neighbourSelect = { id: true, seasonNumber: true, number: true, title: true } as const;

function ref(e: Neighbour | null) {
  return e && { id: e.id, season_number: e.seasonNumber, number: e.number, title: e.title };
}

export async function getEpisodePage(id: string, userId: string) {
  const e = await db.episode.findUnique({
    where: { id },
    include: {
      files: { include: { file: true } },
      show: { select: { id: true, title: true, posterPath: true, backdropPath: true, libraryId: true } },
      season: { select: { id: true, number: true, title: true } },
      watchStates: { where: { userId }, select: { watched: true, positionSecs: true } },
    },
  });
  if (!e) throw new ApiError('not_found', 'No such episode.');
  const specials = e.seasonNumber === 0;
  const sameRun = specials ? { seasonNumber: 0 } : { seasonNumber: { gt: 0 } };
  const [prev, next] = await Promise.all([
    db.episode.findFirst({
      where: { showId: e.showId, ...sameRun, OR: [{ seasonNumber: { lt: e.seasonNumber } }, { seasonNumber: e.seasonNumber, number: { lt: e.number } }] },
      orderBy: [{ seasonNumber: 'desc' }, { number: 'desc' }],
      select: neighbourSelect,
    }),
    db.episode.findFirst({
      where: { showId: e.showId, ...sameRun, OR: [{ seasonNumber: { gt: e.seasonNumber } }, { seasonNumber: e.seasonNumber, number: { gt: e.number } }] },
      orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }],
      select: neighbourSelect,
    }),
  ]);
  const state = e.watchStates[0];
  return {
    episode: { ...episodeView(e), watched: state?.watched ?? false },
    position_secs: state?.positionSecs ?? null,
    show: { id: e.show.id, title: e.show.title, poster_url: imageUrl(e.show.posterPath), backdrop_url: imageUrl(e.show.backdropPath), library_id: e.show.libraryId },
    season: { id: e.season.id, number: e.season.number, title: e.season.title },
    previous: ref(prev),
    next: ref(next),
  };
}
export type EpisodePage = Awaited<ReturnType<typeof getEpisodePage>>;
