// A user's catalog-only titles: movies and shows in their Trakt history that are in no library
// (TraktItem rows with no item, pulled per user by lib/trakt/pull.ts), with what TMDB says of them
// (CatalogTitle, shared: public metadata only; with no TMDB key, a show's episodes come from Trakt). They show in History, Your shows and the calendar
// of that user alone: every read here is scoped to one user id.
import { z } from 'zod';
import { queryRows, rawDate, sql, type RawDate } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';

/**
 * The episode list kept for a catalog-only show: season sizes, and episodes with air dates — from
 * TMDB the latest seasons' (when a key is set), else from Trakt every season's. `source` says which.
 */
export const catalogEpisodesSchema = z.object({
  seasons: z.array(z.object({ number: z.number(), episodes: z.number() })),
  episodes: z.array(z.object({ season: z.number(), number: z.number(), title: z.string().nullable(), airDate: z.string().nullable() })),
  source: z.enum(['tmdb', 'trakt']).default('tmdb'),
});
export type CatalogEpisodes = z.infer<typeof catalogEpisodesSchema>;

const idsSchema = z.object({ tmdb: z.number().nullish() }).loose();
const watchedSeasons = z.array(z.object({ number: z.number(), episodes: z.array(z.object({ number: z.number(), plays: z.number() })) }));

/** The CatalogTitle key of a Trakt movie or show ("movie:<tmdb id>"), or null when Trakt gave no TMDB id. */
export function catalogKey(kind: string, idsJson: string): string | null {
  try {
    const tmdb = idsSchema.parse(JSON.parse(idsJson)).tmdb;
    return tmdb ? `${kind === 'movie' ? 'movie' : 'show'}:${tmdb}` : null;
  } catch {
    return null;
  }
}

/** The CatalogTitle key of a Trakt show Trakt gave no TMDB id for (its episodes then come from Trakt alone). */
export const traktShowKey = (traktId: number) => `show:trakt:${traktId}`;

/** Where a Trakt movie or show's public metadata is kept: its TMDB key, else (shows) its Trakt key. */
export function catalogKeyOf(i: { kind: string; ids: string; traktId: number }): string | null {
  return catalogKey(i.kind, i.ids) ?? (i.kind === 'show' ? traktShowKey(i.traktId) : null);
}

type CatalogTitleRow = { key: string; overview: string | null; rating: number | null; posterPath: string | null; episodes: string | null };
type CatalogShowRow = { id: string; kind: string; ids: string; traktId: number; title: string; year: number | null; seasons: string | null; lastWatchedAt: RawDate };

/** The user's watched Trakt shows in no library, most recently watched first: raw, past Prisma (read on every Your shows request). */
function watchedCatalogShows(userId: string): Promise<CatalogShowRow[]> {
  return queryRows<CatalogShowRow>(sql`
    SELECT "id", "kind", "ids", "traktId", "title", "year", "seasons", "lastWatchedAt" FROM "TraktItem"
    WHERE "userId" = ${userId} AND "kind" = 'show' AND "itemId" IS NULL AND "plays" > 0
    ORDER BY "lastWatchedAt" IS NULL, "lastWatchedAt" DESC, "id" ASC`);
}

/** The public metadata (TMDB's, or Trakt's episodes) of these Trakt items, by TraktItem id. */
export async function catalogMetaOf(items: { id: string; kind: string; ids: string; traktId: number }[]) {
  const keys = new Map(items.flatMap((i) => {
    const key = catalogKeyOf(i);
    return key ? [[i.id, key] as const] : [];
  }));
  const wanted = [...new Set(keys.values())];
  // Raw, past Prisma: Your shows reads this on every request (lib/db.ts).
  const rows = wanted.length === 0 ? [] : await queryRows<CatalogTitleRow>(sql`SELECT "key", "overview", "rating", "posterPath", "episodes" FROM "CatalogTitle" WHERE "key" IN (${wanted})`);
  const titles = new Map(rows.map((t) => [t.key, t]));
  const out = new Map<string, { poster_url: string | null; overview: string | null; rating: number | null; episodes: CatalogEpisodes | null }>();
  for (const [id, key] of keys) {
    const t = titles.get(key);
    if (!t) continue;
    const episodes = t.episodes ? catalogEpisodesSchema.safeParse(JSON.parse(t.episodes)) : null;
    out.set(id, { poster_url: imageUrl(t.posterPath), overview: t.overview, rating: t.rating, episodes: episodes?.success ? episodes.data : null });
  }
  return out;
}

/** Episodes aired by `today` (YYYY-MM-DD), specials left out; null when TMDB was not asked. */
function airedCount(e: CatalogEpisodes, today: string): number {
  const listed = new Set(e.episodes.map((x) => x.season));
  const fromList = e.episodes.filter((x) => x.season > 0 && x.airDate !== null && x.airDate <= today).length;
  return fromList + e.seasons.filter((s) => s.number > 0 && !listed.has(s.number)).reduce((n, s) => n + s.episodes, 0);
}

type Watched = z.infer<typeof watchedSeasons>;
export type CatalogNextEpisode = { season_number: number; number: number; title: string | null; air_date: string | null };

/**
 * The first aired episode after the furthest one the user watched (specials left out). Seasons TMDB
 * gave only the size of are older ones, taken as aired (their episodes have no title or date here).
 */
export function nextCatalogEpisode(watched: Watched, e: CatalogEpisodes, today: string): CatalogNextEpisode | null {
  let furthest: [number, number] = [0, 0];
  for (const s of watched) {
    for (const ep of s.episodes) if (s.number > 0 && ep.plays > 0 && (s.number > furthest[0] || (s.number === furthest[0] && ep.number > furthest[1]))) furthest = [s.number, ep.number];
  }
  if (furthest[0] === 0) return null;
  const after = (season: number, number: number) => season > furthest[0] || (season === furthest[0] && number > furthest[1]);
  for (const season of [...e.seasons].filter((s) => s.number > 0).sort((a, b) => a.number - b.number)) {
    const listed = e.episodes.filter((x) => x.season === season.number).sort((a, b) => a.number - b.number);
    if (listed.length > 0) {
      const next = listed.find((x) => after(x.season, x.number) && x.airDate !== null && x.airDate <= today);
      if (next) return { season_number: next.season, number: next.number, title: next.title, air_date: next.airDate };
    } else {
      for (let n = 1; n <= season.episodes; n++) if (after(season.number, n)) return { season_number: season.number, number: n, title: null, air_date: null };
    }
  }
  return null;
}

/** The user's Trakt-watched shows in no library, with their progress, most recently watched first. */
export async function catalogShows(userId: string) {
  const rows = (await watchedCatalogShows(userId)).map((r) => ({ ...r, lastWatchedAt: rawDate(r.lastWatchedAt) }));
  const meta = await catalogMetaOf(rows);
  const today = new Date().toISOString().slice(0, 10);
  return rows.map((r) => {
    const seasons = watchedSeasons.safeParse(JSON.parse(r.seasons ?? '[]'));
    const watched = seasons.success ? seasons.data.filter((s) => s.number > 0).reduce((n, s) => n + s.episodes.filter((e) => e.plays > 0).length, 0) : 0;
    const m = meta.get(r.id);
    return {
      trakt_id: r.traktId, title: r.title, year: r.year, poster_url: m?.poster_url ?? null, overview: m?.overview ?? null, rating: m?.rating ?? null,
      watched, aired: m?.episodes ? Math.max(watched, airedCount(m.episodes, today)) : watched, last_watched_at: r.lastWatchedAt?.toISOString() ?? null,
      next_episode: m?.episodes && seasons.success ? nextCatalogEpisode(seasons.data, m.episodes, today) : null,
    };
  });
}

/** Episodes of the user's Trakt-watched shows in no library airing between two dates (inclusive, YYYY-MM-DD). */
export async function catalogCalendar(userId: string, from: string, to: string) {
  const rows = await watchedCatalogShows(userId);
  const meta = await catalogMetaOf(rows);
  return rows.flatMap((r) =>
    (meta.get(r.id)?.episodes?.episodes ?? [])
      .filter((e) => e.airDate !== null && e.airDate >= from && e.airDate <= to)
      .map((e) => ({ trakt_show_id: r.traktId, show_title: r.title, season_number: e.season, number: e.number, title: e.title, air_date: e.airDate! })),
  );
}
