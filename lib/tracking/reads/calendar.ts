// The upcoming-episodes calendar of one user: episodes of followed shows in a date range. One raw
// read past Prisma (lib/db.ts).
import { queryRows, sql } from '@/lib/db';
import { episodeRef, type EpisodeRow } from '../episode-ref';

type CalendarRow = EpisodeRow & { showTitle: string };

const calendarView = (e: CalendarRow) => episodeRef(e, e.showTitle);

/** Episodes of followed shows airing between two dates (inclusive, YYYY-MM-DD). */
export async function calendar(userId: string, from: string, to: string) {
  const eps = await queryRows<CalendarRow>(sql`
    SELECT e."id", e."showId", e."seasonNumber", e."number", e."title", e."airDate", e."thumbPath", m."title" AS "showTitle"
    FROM "Follow" f JOIN "Episode" e ON e."showId" = f."showId" JOIN "MediaItem" m ON m."id" = f."showId"
    WHERE f."userId" = ${userId} AND e."airDate" >= ${from} AND e."airDate" <= ${to}
    ORDER BY e."airDate", e."seasonNumber", e."number"`);
  return eps.map(calendarView);
}
