// Per-show progress of one user, with the show's own fields, in one SQL query: aired and watched
// counts, the last watch time and the next episode (the first aired, unwatched episode after the
// last watched one, or the first aired one when none is watched). Aired = no air date (known from a
// file) or one not in the future; specials (season 0) do not count. The text is portable SQL: it
// runs as is on SQLite and PostgreSQL.
import { queryRows, sql } from '@/lib/db';

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

type RawDate = Date | string | number | null;
type Row = {
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

/** A DateTime read through raw SQL: a Date on PostgreSQL, an ISO string or epoch ms on SQLite. */
const toDate = (v: RawDate) => (v === null ? null : v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));

/** The progress of every show the user follows, or of the given shows. */
export async function showProgress(userId: string, shows: 'followed' | string[]): Promise<ShowProgress[]> {
  if (Array.isArray(shows) && shows.length === 0) return [];
  const today = new Date().toISOString().slice(0, 10);
  const scope = shows === 'followed' ? sql`SELECT "showId" FROM "Follow" WHERE "userId" = ${userId}` : sql`${shows}`;
  const rows = await queryRows<Row>(sql`
    WITH eps AS (
      SELECT e."id", e."showId", e."seasonNumber", e."number", e."title", e."airDate", e."thumbPath",
             e."seasonNumber" * 100000 + e."number" AS "pos",
             w."lastWatchedAt" AS "watchedAt",
             CASE WHEN w."id" IS NULL THEN 0 ELSE 1 END AS "isWatched"
      FROM "Episode" e
      LEFT JOIN "WatchState" w ON w."episodeId" = e."id" AND w."userId" = ${userId} AND w."watched" = TRUE
      WHERE e."showId" IN (${scope}) AND e."seasonNumber" > 0 AND (e."airDate" IS NULL OR e."airDate" <= ${today})
    ),
    stats AS (
      SELECT "showId", CAST(COUNT(*) AS INTEGER) AS "aired", CAST(SUM("isWatched") AS INTEGER) AS "watched",
             MAX("watchedAt") AS "last", MAX(CASE WHEN "isWatched" = 1 THEN "pos" ELSE -1 END) AS "lastPos"
      FROM eps GROUP BY "showId"
    ),
    nexts AS (
      SELECT eps."id", eps."showId", eps."seasonNumber", eps."number", eps."title", eps."airDate", eps."thumbPath",
             ROW_NUMBER() OVER (PARTITION BY eps."showId" ORDER BY eps."pos") AS "rn"
      FROM eps JOIN stats ON stats."showId" = eps."showId"
      WHERE eps."isWatched" = 0 AND eps."pos" > stats."lastPos"
    )
    SELECT m."id" AS "showId", m."title", m."year", m."posterPath", f."createdAt" AS "followedAt",
           s."aired", s."watched", s."last",
           n."id" AS "nextId", n."seasonNumber" AS "nextSeason", n."number" AS "nextNumber",
           n."title" AS "nextTitle", n."airDate" AS "nextAirDate", n."thumbPath" AS "nextThumb"
    FROM "MediaItem" m
    LEFT JOIN "Follow" f ON f."showId" = m."id" AND f."userId" = ${userId}
    LEFT JOIN stats s ON s."showId" = m."id"
    LEFT JOIN nexts n ON n."showId" = m."id" AND n."rn" = 1
    WHERE m."id" IN (${scope})`);
  return rows.map((r) => ({
    id: r.showId,
    title: r.title,
    year: r.year === null ? null : Number(r.year),
    posterPath: r.posterPath,
    followedAt: toDate(r.followedAt),
    aired: Number(r.aired ?? 0),
    watched: Number(r.watched ?? 0),
    last: toDate(r.last),
    next: r.nextId ? { id: r.nextId, showId: r.showId, seasonNumber: Number(r.nextSeason), number: Number(r.nextNumber), title: r.nextTitle, airDate: r.nextAirDate, thumbPath: r.nextThumb } : null,
  }));
}
