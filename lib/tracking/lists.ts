// The tracking lists of one user: followed shows with progress, continue watching, next up,
// history and the upcoming-episodes calendar. Everything is scoped to the caller's user id. The
// lists on the home page are single raw reads (`queryRows`, portable SQL), each along an index.
import { db, queryRows, rawDate, sql, type RawDate } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';
import { showProgress } from '@/lib/tracking/show-progress';

type EpisodeRow = { id: string; showId: string; seasonNumber: number; number: number; title: string | null; airDate: string | null; thumbPath: string | null };

function episodeRef(e: EpisodeRow, showTitle?: string) {
  return {
    id: e.id,
    show_id: e.showId,
    ...(showTitle === undefined ? {} : { show_title: showTitle }),
    season_number: e.seasonNumber,
    number: e.number,
    title: e.title,
    air_date: e.airDate,
    thumb_url: imageUrl(e.thumbPath),
  };
}

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

type ContinueRow = EpisodeRow & {
  positionSecs: number;
  updatedAt: RawDate;
  itemId: string | null;
  itemKind: 'movie' | 'show' | 'video' | null;
  itemTitle: string | null;
  itemPoster: string | null;
  showTitle: string | null;
  showPoster: string | null;
  mediaInfo: string | { duration?: number } | null;
};

/** Movies, videos and episodes with a resume point, most recent first. */
export async function continueWatching(userId: string, limit = 20) {
  // Few states have a resume point: the (userId, positionSecs) index finds them (the MATERIALIZED
  // fence keeps SQLite from walking every state along updatedAt instead), the newest are taken,
  // and only those are joined to their items, episodes and files.
  const rows = await queryRows<ContinueRow>(sql`
    WITH resumable AS MATERIALIZED (
      SELECT "itemId", "episodeId", "positionSecs", "updatedAt" FROM "WatchState" WHERE "userId" = ${userId} AND "positionSecs" IS NOT NULL
    ), w AS (SELECT * FROM resumable ORDER BY "updatedAt" DESC LIMIT ${limit})
    SELECT w."positionSecs", w."updatedAt", w."itemId",
           i."kind" AS "itemKind", i."title" AS "itemTitle", i."posterPath" AS "itemPoster",
           e."id", e."showId", e."seasonNumber", e."number", e."title", e."airDate", e."thumbPath",
           s."title" AS "showTitle", s."posterPath" AS "showPoster",
           CASE WHEN w."itemId" IS NOT NULL
             THEN (SELECT f."mediaInfo" FROM "MediaFile" f WHERE f."itemId" = w."itemId" ORDER BY f."id" LIMIT 1)
             ELSE (SELECT f."mediaInfo" FROM "EpisodeFile" ef JOIN "MediaFile" f ON f."id" = ef."fileId" WHERE ef."episodeId" = w."episodeId" ORDER BY f."id" LIMIT 1)
           END AS "mediaInfo"
    FROM w
    LEFT JOIN "MediaItem" i ON i."id" = w."itemId"
    LEFT JOIN "Episode" e ON e."id" = w."episodeId"
    LEFT JOIN "MediaItem" s ON s."id" = e."showId"
    ORDER BY w."updatedAt" DESC`);
  return rows.map((r) => {
    const info = typeof r.mediaInfo === 'string' ? (JSON.parse(r.mediaInfo) as { duration?: number }) : r.mediaInfo;
    const d = info?.duration ?? null;
    const position = Number(r.positionSecs);
    return {
      kind: r.itemId ? r.itemKind! : ('episode' as const),
      id: r.itemId ?? r.id,
      title: r.itemId ? r.itemTitle! : r.showTitle!,
      episode: r.itemId ? null : episodeRef(r),
      poster_url: imageUrl(r.itemId ? r.itemPoster : r.showPoster),
      position_secs: position,
      duration: d,
      progress: d ? Math.min(1, position / d) : null,
      updated_at: rawDate(r.updatedAt)!.toISOString(),
    };
  });
}

/** How many shows the user follows. */
export async function followedCount(userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | bigint }>(sql`SELECT COUNT(*) AS "n" FROM "Follow" WHERE "userId" = ${userId}`);
  return Number(row.n);
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

/** Episodes of followed shows airing between two dates (inclusive, YYYY-MM-DD). */
export async function calendar(userId: string, from: string, to: string) {
  const eps = await queryRows<EpisodeRow & { showTitle: string }>(sql`
    SELECT e."id", e."showId", e."seasonNumber", e."number", e."title", e."airDate", e."thumbPath", m."title" AS "showTitle"
    FROM "Follow" f JOIN "Episode" e ON e."showId" = f."showId" JOIN "MediaItem" m ON m."id" = f."showId"
    WHERE f."userId" = ${userId} AND e."airDate" >= ${from} AND e."airDate" <= ${to}
    ORDER BY e."airDate", e."seasonNumber", e."number"`);
  return eps.map((e) => episodeRef(e, e.showTitle));
}

/** The newest movies, shows and videos across libraries. */
export async function recentlyAdded(limit = 12) {
  const items = await queryRows<{ id: string; kind: 'movie' | 'show' | 'video'; title: string; posterPath: string | null }>(sql`
    SELECT "id", "kind", "title", "posterPath" FROM "MediaItem" WHERE "status" = 'ok' ORDER BY "addedAt" DESC LIMIT ${limit}`);
  return items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, poster_url: imageUrl(i.posterPath) }));
}
