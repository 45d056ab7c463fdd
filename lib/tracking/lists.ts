// The tracking lists of one user: followed shows with progress, continue watching, next up,
// history and the upcoming-episodes calendar. Everything is scoped to the caller's user id. The
// lists on the home page are single raw reads (lib/tracking/reads/), each along an index.
import { db } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';
import { episodeRef } from './episode-ref';
import { showProgress } from './reads/show-progress';

export { continueWatching } from './reads/continue-watching';
export { followedCount } from './reads/followed-count';
export { calendar } from './reads/calendar';
export { recentlyAdded } from './reads/recently-added';

const episodeSelect = { id: true, showId: true, seasonNumber: true, number: true, title: true, airDate: true, thumbPath: true } as const;

/** The shows the user follows with their progress, most recently watched (or followed) first; `limit` takes the first ones. */
export async function trackedShows(userId: string, limit?: number) {
  const shows = await showProgress(userId, { followed: true, limit });
  return shows
    .map((p) => ({
      id: p.id,
      title: p.title,
      year: p.year,
      poster_url: imageUrl(p.posterPath),
      watched: p.watched,
      aired: p.aired,
      next_episode: p.next ? episodeRef(p.next) : null,
      last_watched_at: p.last?.toISOString() ?? null,
      followed_at: (p.followedAt ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => (b.last_watched_at ?? b.followed_at).localeCompare(a.last_watched_at ?? a.followed_at));
}

/** For the shows you watched most recently: the next episode to watch. */
export async function nextUp(userId: string, limit = 20) {
  // The shows watched most recently, a few spare as finished shows drop out.
  return (await showProgress(userId, { recent: limit * 2 }))
    .filter((p) => p.next && p.watched > 0)
    .sort((a, b) => (b.last?.getTime() ?? 0) - (a.last?.getTime() ?? 0))
    .slice(0, limit)
    .map((p) => ({ show_id: p.id, show_title: p.title, poster_url: imageUrl(p.posterPath), episode: episodeRef(p.next!), last_watched_at: p.last?.toISOString() ?? null }));
}

export async function history(userId: string, page: number, pageSize: number) {
  const where = { userId };
  const [total, rows] = await Promise.all([
    db.watchEvent.count({ where }),
    db.watchEvent.findMany({
      where,
      orderBy: [{ watchedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        watchedAt: true,
        item: { select: { id: true, kind: true, title: true, year: true } },
        episode: { select: { ...episodeSelect, show: { select: { title: true } } } },
      },
    }),
  ]);
  return {
    page,
    page_size: pageSize,
    total,
    items: rows.map((r) => ({
      id: r.id,
      watched_at: r.watchedAt.toISOString(),
      kind: r.item ? r.item.kind : ('episode' as const),
      media_id: r.item?.id ?? r.episode!.id,
      title: r.item?.title ?? r.episode!.show.title,
      episode: r.episode ? episodeRef(r.episode) : null,
    })),
  };
}
