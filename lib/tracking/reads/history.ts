// One user's history, newest first: their viewings (WatchEvent) and the plays in their Trakt history
// of what is in no library (TraktPlay, "on Trakt, not in your library"), paged together by one raw
// read (a UNION ALL along each table's userId + watchedAt index), then the page's rows filled in.
import { db, queryRows, sql, type RawDate } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';
import { episodeRef } from '../episode-ref';
import { catalogMetaOf } from './catalog-only';

const episodeSelect = { id: true, showId: true, seasonNumber: true, number: true, title: true, airDate: true, thumbPath: true } as const;

export async function history(userId: string, page: number, pageSize: number) {
  const [viewings, catalog, ids] = await Promise.all([
    db.watchEvent.count({ where: { userId } }),
    db.traktPlay.count({ where: { userId } }),
    queryRows<{ id: string; src: string; watchedAt: RawDate }>(sql`
      SELECT "id", 'w' AS "src", "watchedAt" FROM "WatchEvent" WHERE "userId" = ${userId}
      UNION ALL
      SELECT "id", 't' AS "src", "watchedAt" FROM "TraktPlay" WHERE "userId" = ${userId}
      ORDER BY "watchedAt" DESC, "id" DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  ]);
  const eventIds = ids.filter((r) => r.src === 'w').map((r) => r.id);
  const playIds = ids.filter((r) => r.src === 't').map((r) => r.id);
  const [events, plays] = await Promise.all([
    eventIds.length
      ? db.watchEvent.findMany({
          where: { id: { in: eventIds }, userId },
          select: {
            id: true, watchedAt: true,
            item: { select: { id: true, kind: true, title: true, year: true, posterPath: true } },
            episode: { select: { ...episodeSelect, show: { select: { title: true, posterPath: true } } } },
          },
        })
      : [],
    playIds.length
      ? db.traktPlay.findMany({
          where: { id: { in: playIds }, userId },
          select: { id: true, watchedAt: true, season: true, number: true, episodeTitle: true, traktItem: { select: { id: true, kind: true, ids: true, traktId: true, title: true, year: true, itemId: true } } },
        })
      : [],
  ]);
  const meta = await catalogMetaOf(plays.map((p) => p.traktItem));
  const byId = new Map<string, HistoryItem>();
  for (const r of events) {
    byId.set(r.id, {
      id: r.id, watched_at: r.watchedAt.toISOString(), kind: r.item ? r.item.kind : 'episode', media_id: r.item?.id ?? r.episode!.id,
      title: r.item?.title ?? r.episode!.show.title, episode: r.episode ? episodeRef(r.episode) : null,
      poster_url: imageUrl(r.item?.posterPath ?? r.episode?.show.posterPath ?? null), catalog_only: false, catalog: null,
    });
  }
  for (const p of plays) {
    const t = p.traktItem;
    byId.set(p.id, {
      id: p.id, watched_at: p.watchedAt.toISOString(), kind: t.kind === 'movie' ? 'movie' : 'episode', media_id: null, title: t.title, episode: null,
      poster_url: meta.get(t.id)?.poster_url ?? null, catalog_only: true,
      catalog: {
        trakt_id: t.traktId, year: t.year, show_id: t.itemId, overview: meta.get(t.id)?.overview ?? null, rating: meta.get(t.id)?.rating ?? null,
        season_number: p.season, number: p.number, episode_title: p.episodeTitle,
      },
    });
  }
  return { page, page_size: pageSize, total: viewings + catalog, items: ids.flatMap((r) => byId.get(r.id) ?? []) };
}

export type HistoryItem = {
  id: string;
  watched_at: string;
  kind: 'movie' | 'video' | 'show' | 'episode';
  /** The movie, video or episode; null for a catalog-only play. */
  media_id: string | null;
  title: string;
  episode: ReturnType<typeof episodeRef> | null;
  poster_url: string | null;
  /** On Trakt, not in your library. */
  catalog_only: boolean;
  catalog: {
    trakt_id: number; year: number | null;
    /** The library show when the show is in a library but this episode is not. */
    show_id: string | null;
    overview: string | null; rating: number | null;
    season_number: number | null; number: number | null; episode_title: string | null;
  } | null;
};
