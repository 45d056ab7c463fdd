// Per-show progress of one user, with the show's own fields, in one SQL query: aired and watched
// counts, the last watch time and the next episode (the first aired, unwatched episode after the
// furthest watched one, or the first aired one when none is watched). Watched counts and the
// furthest episode come from ShowWatch (lib/tracking/write-watch-state.ts), one row per show; aired counts
// and the next episode from each show's episodes by index. Aired = no air date (known from a file),
// one not in the future, or watched already; specials (season 0) do not count. The text is portable
// SQL: it runs as is on SQLite and PostgreSQL.
import { queryRows, rawDate, sql, type RawDate } from '@/lib/db';

export type NextEpisode = { id: string; showId: string; seasonNumber: number; number: number; title: string | null; airDate: string | null; thumbPath: string | null };
export type ShowProgress = {
  id: string;
  title: string;
  year: number | null;
  posterPath: string | null;
  /** When the user followed the show; null when they do not. */
  followedAt: Date | null;
  aired: number;
  watched: number;
  last: Date | null;
  next: NextEpisode | null;
};

type ShowProgressRow = {
  showId: string;
  title: string;
  year: number | bigint | null;
  posterPath: string | null;
  followedAt: RawDate;
  aired: number | bigint | null;
  watched: number | bigint | null;
  last: RawDate;
  nextId: string | null;
  nextSeason: number | null;
  nextNumber: number | null;
  nextTitle: string | null;
  nextAirDate: string | null;
  nextThumb: string | null;
};

/**
 * The progress of the shows the user follows (all, or the `limit` watched or followed most
 * recently), or of the `recent` shows they watched most recently, followed or not.
 */
export async function showProgress(userId: string, shows: { followed: true; limit?: number } | { recent: number }): Promise<ShowProgress[]> {
  const today = new Date().toISOString().slice(0, 10);
  const scope =
    'recent' in shows
      ? sql`SELECT "showId" FROM "ShowWatch" WHERE "userId" = ${userId} ORDER BY "lastWatchedAt" DESC NULLS LAST LIMIT ${shows.recent}`
      : shows.limit === undefined
        ? sql`SELECT "showId" FROM "Follow" WHERE "userId" = ${userId}`
        : sql`SELECT f."showId" FROM "Follow" f LEFT JOIN "ShowWatch" sw ON sw."userId" = f."userId" AND sw."showId" = f."showId"
              WHERE f."userId" = ${userId} ORDER BY COALESCE(sw."lastWatchedAt", f."createdAt") DESC LIMIT ${shows.limit}`;
  // Whether the user has watched episode e.
  const watched = sql`EXISTS (SELECT 1 FROM "WatchState" w WHERE w."userId" = ${userId} AND w."episodeId" = e."id" AND w."watched" = TRUE)`;
  const rows = await queryRows<ShowProgressRow>(sql`
    SELECT m."id" AS "showId", m."title", m."year", m."posterPath", f."createdAt" AS "followedAt",
           COALESCE(sw."watched", 0) AS "watched", sw."lastWatchedAt" AS "last",
           (SELECT COUNT(*) FROM "Episode" e
            WHERE e."showId" = m."id" AND e."seasonNumber" > 0 AND (e."airDate" IS NULL OR e."airDate" <= ${today} OR ${watched})) AS "aired",
           n."id" AS "nextId", n."seasonNumber" AS "nextSeason", n."number" AS "nextNumber",
           n."title" AS "nextTitle", n."airDate" AS "nextAirDate", n."thumbPath" AS "nextThumb"
    FROM "MediaItem" m
    LEFT JOIN "Follow" f ON f."showId" = m."id" AND f."userId" = ${userId}
    LEFT JOIN "ShowWatch" sw ON sw."userId" = ${userId} AND sw."showId" = m."id"
    LEFT JOIN "Episode" n ON n."id" = (
      SELECT e."id" FROM "Episode" e
      WHERE e."showId" = m."id" AND e."seasonNumber" >= COALESCE(sw."lastSeason", 1)
        AND (e."seasonNumber" > COALESCE(sw."lastSeason", 0) OR e."number" > sw."lastNumber")
        AND (e."airDate" IS NULL OR e."airDate" <= ${today}) AND NOT ${watched}
      ORDER BY e."seasonNumber", e."number" LIMIT 1)
    WHERE m."id" IN (${scope})`);
  return rows.map(showProgressView);
}

function showProgressView(r: ShowProgressRow): ShowProgress {
  return {
    id: r.showId,
    title: r.title,
    year: r.year === null ? null : Number(r.year),
    posterPath: r.posterPath,
    followedAt: rawDate(r.followedAt),
    aired: Number(r.aired ?? 0),
    watched: Number(r.watched ?? 0),
    last: rawDate(r.last),
    next: r.nextId ? { id: r.nextId, showId: r.showId, seasonNumber: Number(r.nextSeason), number: Number(r.nextNumber), title: r.nextTitle, airDate: r.nextAirDate, thumbPath: r.nextThumb } : null,
  };
}
