// Every movie or every show across libraries, for the /movies and /shows grids: sorted, filtered by
// the caller's watched state, a genre, a year and a title search, paged; with the genres and years
// there are to filter by. One raw read per part (portable SQL, see lib/db.ts) — this is a hot page.
import { queryRows, rawDate, sql, type RawDate, type SqlFragment } from '@/lib/db';
import { sortTitle } from '@/lib/scan/identity';
import { genreList, type BrowsePage, type BrowseQuery } from '../browse-all';
import { itemView, type ItemRow as MediaItemRow } from '../media-views';

/** Raw rows: the driver gives `addedAt` as a Date (PostgreSQL) or a number/string (SQLite). */
type ItemRow = Omit<MediaItemRow, 'addedAt'> & { addedAt: RawDate };

/** `%text%` for LIKE, with LIKE's own wildcards in the text escaped (used with ESCAPE '\'). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

function watchedCondition(kind: 'movie' | 'show', userId: string, f: NonNullable<BrowseQuery['watched']>): SqlFragment {
  if (kind === 'movie') {
    const state = (cond: SqlFragment) => sql`EXISTS (SELECT 1 FROM "WatchState" w WHERE w."itemId" = i."id" AND w."userId" = ${userId} AND ${cond})`;
    if (f === 'watched') return state(sql`w."watched" = TRUE`);
    if (f === 'in_progress') return state(sql`w."watched" = FALSE AND w."positionSecs" IS NOT NULL`);
    return sql`NOT ${state(sql`(w."watched" = TRUE OR w."positionSecs" IS NOT NULL)`)}`;
  }
  // Shows: ShowWatch counts the user's watched episodes outside specials (lib/tracking/write-watch-state.ts).
  const all = sql`(SELECT COUNT(*) FROM "Episode" e WHERE e."showId" = i."id" AND e."seasonNumber" > 0)`;
  const progress = (cond: SqlFragment) => sql`EXISTS (SELECT 1 FROM "ShowWatch" sw WHERE sw."showId" = i."id" AND sw."userId" = ${userId} AND ${cond})`;
  if (f === 'watched') return progress(sql`sw."watched" >= ${all}`);
  if (f === 'in_progress') return progress(sql`sw."watched" < ${all}`);
  return sql`NOT ${progress(sql`sw."watched" > 0`)}`;
}

function orderBy(q: BrowseQuery): SqlFragment {
  const asc = q.ascending ? q.ascending === 'true' : q.sort === 'title';
  const dir = asc ? sql`ASC` : sql`DESC`;
  if (q.sort === 'year') return sql`CASE WHEN i."year" IS NULL THEN 1 ELSE 0 END, i."year" ${dir}, i."sortTitle" ASC, i."id" ASC`;
  if (q.sort === 'added') return sql`i."addedAt" ${dir}, i."id" ASC`;
  if (q.sort === 'rating') return sql`CASE WHEN i."rating" IS NULL THEN 1 ELSE 0 END, i."rating" ${dir}, i."sortTitle" ASC, i."id" ASC`;
  return sql`i."sortTitle" ${dir}, i."id" ASC`;
}

/** A page of every movie or every show, as `q` asks; the watched filter is the caller's. */
export async function browseMedia(q: BrowseQuery, userId: string): Promise<BrowsePage> {
  const conditions: SqlFragment[] = [sql`i."kind" = ${q.kind}`];
  if (q.watched) conditions.push(watchedCondition(q.kind, userId, q.watched));
  // Genres are stored as a JSON array of names: match one quoted name.
  if (q.genre) conditions.push(sql`i."genres" LIKE ${containing(JSON.stringify(q.genre))} ESCAPE '\\'`);
  if (q.year !== undefined) conditions.push(sql`i."year" = ${q.year}`);
  const needle = q.q ? sortTitle(q.q) : '';
  if (needle) conditions.push(sql`i."sortTitle" LIKE ${containing(needle)} ESCAPE '\\'`);
  const where = conditions.reduce((all, c) => sql`${all} AND ${c}`);

  const [rows, [count], genreRows, yearRows] = await Promise.all([
    queryRows<ItemRow>(sql`
      SELECT i."id", i."libraryId", i."kind", i."title", i."year", i."overview", i."status", i."posterPath", i."backdropPath", i."rating",
             i."tmdbId", i."tvdbId", i."imdbId", i."lockedFields", i."addedAt"
      FROM "MediaItem" i WHERE ${where}
      ORDER BY ${orderBy(q)} LIMIT ${q.page_size} OFFSET ${(q.page - 1) * q.page_size}`),
    queryRows<{ n: number | bigint | string }>(sql`SELECT COUNT(*) AS "n" FROM "MediaItem" i WHERE ${where}`),
    queryRows<{ genres: string }>(sql`SELECT DISTINCT "genres" FROM "MediaItem" WHERE "kind" = ${q.kind} AND "genres" IS NOT NULL`),
    queryRows<{ year: number }>(sql`SELECT DISTINCT "year" FROM "MediaItem" WHERE "kind" = ${q.kind} AND "year" IS NOT NULL ORDER BY "year" DESC`),
  ]);
  return {
    items: rows.map((r) => itemView({ ...r, addedAt: rawDate(r.addedAt)! })),
    page: q.page,
    page_size: q.page_size,
    total: Number(count.n),
    genres: genreList(genreRows.map((r) => r.genres)),
    years: yearRows.map((r) => Number(r.year)),
  };
}
