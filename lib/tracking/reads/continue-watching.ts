// Continue watching: movies, videos and episodes with a resume point, most recent first. On the
// home page, so one raw read past Prisma (lib/db.ts).
import { queryRows, rawDate, sql, type RawDate } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';
import { episodeRef, type EpisodeRow } from '../episode-ref';

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
  return rows.map(continueView);
}

function continueView(r: ContinueRow) {
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
}
