// ShowWatch: per user and show, what their watched episodes add up to (how many, the newest watch
// time, the furthest episode). It is derived data, rewritten from WatchState and Episode by the
// statements below, which run in the same transaction as every write that changes either for a
// show: marking watched or unwatched (lib/tracking/watched.ts) and deleting episodes
// (lib/library/edit-media.ts, lib/library/missing-and-duplicates.ts). Deleting a user or a show
// cascades. Whatever else writes watch states (imports, sync) must go through watched.ts too.
import { db, executeSql, sql, type SqlFragment } from '@/lib/db';

/**
 * The statements that rewrite ShowWatch for these shows (for one user, or all of them): rows with
 * no watched episode left go, the others are upserted. Put them in the writing transaction, last.
 */
export function refreshShowWatch(scope: { showIds: string[]; userId?: string }) {
  if (scope.showIds.length === 0) return [];
  return rewrite(sql`AND e."showId" IN (${scope.showIds})`, sql`AND "showId" IN (${scope.showIds})`, scope.userId);
}

/** Rewrites every ShowWatch row (after seeding watch states directly, or to repair). */
export async function rebuildShowWatch(): Promise<void> {
  await db.$transaction(rewrite(sql``, sql``, undefined));
}

function rewrite(episodeFilter: SqlFragment, rowFilter: SqlFragment, userId: string | undefined) {
  const forUser = userId === undefined ? sql`` : sql`AND w."userId" = ${userId}`;
  const rowForUser = userId === undefined ? sql`` : sql`AND "userId" = ${userId}`;
  return [
    executeSql(sql`
      DELETE FROM "ShowWatch" WHERE TRUE ${rowFilter} ${rowForUser}
        AND NOT EXISTS (
          SELECT 1 FROM "Episode" e JOIN "WatchState" w ON w."episodeId" = e."id"
          WHERE e."showId" = "ShowWatch"."showId" AND w."userId" = "ShowWatch"."userId" AND e."seasonNumber" > 0 AND w."watched" = TRUE)`),
    executeSql(sql`
      INSERT INTO "ShowWatch" ("userId", "showId", "watched", "lastWatchedAt", "lastSeason", "lastNumber")
      SELECT w."userId", e."showId", COUNT(*), MAX(w."lastWatchedAt"), -- the furthest episode: season × 100000 + number
             MAX(e."seasonNumber" * 100000 + e."number") / 100000, MAX(e."seasonNumber" * 100000 + e."number") % 100000
      FROM "Episode" e JOIN "WatchState" w ON w."episodeId" = e."id"
      WHERE e."seasonNumber" > 0 AND w."watched" = TRUE ${episodeFilter} ${forUser}
      GROUP BY w."userId", e."showId"
      ON CONFLICT ("userId", "showId") DO UPDATE SET "watched" = excluded."watched", "lastWatchedAt" = excluded."lastWatchedAt",
        "lastSeason" = excluded."lastSeason", "lastNumber" = excluded."lastNumber"`),
  ];
}

/** The shows these episodes belong to. */
export async function showsOfEpisodes(episodeIds: string[]): Promise<string[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db.episode.findMany({ where: { id: { in: episodeIds } }, select: { showId: true }, distinct: ['showId'] });
  return rows.map((r) => r.showId);
}
