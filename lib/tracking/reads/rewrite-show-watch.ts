// The statements that rewrite ShowWatch, the derived per-user, per-show watch progress (how many
// episodes watched outside specials, the newest watch time, the furthest episode), from WatchState
// and Episode. Raw SQL, so it sits with the reads; only lib/tracking/write-watch-state.ts calls it
// (and the full rebuild, to repair or after seeding watch states directly in tests).
import { db, executeSql, sql, type Db, type SqlFragment } from '@/lib/db';

type Writer = Parameters<typeof executeSql>[1];

/** Rewrites the ShowWatch rows of these shows (for one user, or all), on `tx`: rows with no watched episode left go, the others are upserted. */
export async function rewriteShowWatch(tx: Writer, scope: { showIds: string[]; userId?: string }): Promise<void> {
  if (scope.showIds.length === 0) return;
  await rewrite(tx, sql`AND e."showId" IN (${scope.showIds})`, sql`AND "showId" IN (${scope.showIds})`, scope.userId);
}

/** Rewrites every ShowWatch row (after seeding watch states directly, or to repair). */
export async function rebuildShowWatch(): Promise<void> {
  await db.$transaction((tx: Parameters<Parameters<Db['$transaction']>[0]>[0]) => rewrite(tx, sql``, sql``, undefined));
}

async function rewrite(tx: Writer, episodeFilter: SqlFragment, rowFilter: SqlFragment, userId: string | undefined): Promise<void> {
  const forUser = userId === undefined ? sql`` : sql`AND w."userId" = ${userId}`;
  const rowForUser = userId === undefined ? sql`` : sql`AND "userId" = ${userId}`;
  await executeSql(
    sql`
      DELETE FROM "ShowWatch" WHERE TRUE ${rowFilter} ${rowForUser}
        AND NOT EXISTS (
          SELECT 1 FROM "Episode" e JOIN "WatchState" w ON w."episodeId" = e."id"
          WHERE e."showId" = "ShowWatch"."showId" AND w."userId" = "ShowWatch"."userId" AND e."seasonNumber" > 0 AND w."watched" = TRUE)`,
    tx,
  );
  await executeSql(
    sql`
      INSERT INTO "ShowWatch" ("userId", "showId", "watched", "lastWatchedAt", "lastSeason", "lastNumber")
      SELECT w."userId", e."showId", COUNT(*), MAX(w."lastWatchedAt"), -- the furthest episode: season × 100000 + number
             MAX(e."seasonNumber" * 100000 + e."number") / 100000, MAX(e."seasonNumber" * 100000 + e."number") % 100000
      FROM "Episode" e JOIN "WatchState" w ON w."episodeId" = e."id"
      WHERE e."seasonNumber" > 0 AND w."watched" = TRUE ${episodeFilter} ${forUser}
      GROUP BY w."userId", e."showId"
      ON CONFLICT ("userId", "showId") DO UPDATE SET "watched" = excluded."watched", "lastWatchedAt" = excluded."lastWatchedAt",
        "lastSeason" = excluded."lastSeason", "lastNumber" = excluded."lastNumber"`,
    tx,
  );
}
