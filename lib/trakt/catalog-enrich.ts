// TMDB's public metadata for the titles of users' Trakt histories that are in no library
// (catalog-only): poster (stored through our image store like any artwork), overview, rating, and
// for shows the latest seasons' episodes with air dates (the calendar). Kept once per TMDB id in
// CatalogTitle, shared by every user who watched the title — which user has which title stays in
// their own TraktItem rows. Run by the worker after a pull (job `trakt.enrich`), never inside it.
import { db } from '@/lib/db';
import type { ArtworkStore } from '@/lib/metadata/store-artwork';
import type { TmdbClient } from '@/lib/metadata/tmdb-client';
import { catalogEpisodesSchema, catalogKey, type CatalogEpisodes } from '@/lib/tracking/reads/catalog-only';

/** How long a title's metadata is kept before it is asked for again: shows change (new episodes), movies hardly. */
export const REFRESH_MS = { movie: 30 * 86_400_000, show: 7 * 86_400_000 } as const;
/** The latest seasons whose episodes (air dates) are kept for the calendar; older seasons keep only their size. */
const SEASONS_WITH_EPISODES = 2;

export type EnrichDeps = { tmdb: TmdbClient; artwork: ArtworkStore; now?: Date };
export type EnrichResult = { titles: number; fetched: number; not_found: number; failures: string[] };

export async function enrichCatalog(deps: EnrichDeps, signal?: AbortSignal): Promise<EnrichResult> {
  const now = deps.now ?? new Date();
  const rows = await db.traktItem.findMany({ where: { itemId: null }, select: { kind: true, ids: true }, distinct: ['kind', 'ids'] });
  const keys = [...new Set(rows.flatMap((r) => catalogKey(r.kind, r.ids) ?? []))];
  const known = new Map((await db.catalogTitle.findMany({ where: { key: { in: keys } }, select: { key: true, fetchedAt: true, posterPath: true, episodes: true } })).map((t) => [t.key, t]));
  const result: EnrichResult = { titles: keys.length, fetched: 0, not_found: 0, failures: [] };
  for (const key of keys) {
    signal?.throwIfAborted();
    const [kind, id] = key.split(':') as ['movie' | 'show', string];
    const old = known.get(key);
    // Episodes Trakt gave while no TMDB key was set are replaced by TMDB's at once (TMDB is the first choice).
    if (old && now.getTime() - old.fetchedAt.getTime() < REFRESH_MS[kind] && !fromTrakt(old.episodes)) continue;
    try {
      const data = kind === 'movie' ? await movieTitle(deps.tmdb, Number(id)) : await showTitle(deps.tmdb, Number(id));
      if (!data) {
        result.not_found++;
        // Remember the miss too, so an unknown id is not asked for at every pull.
        await db.catalogTitle.upsert({ where: { key }, create: { key, title: '', fetchedAt: now }, update: { fetchedAt: now } });
        continue;
      }
      const { poster, ...fields } = data;
      const posterPath = poster
        ? await deps.artwork.ensure([{ type: 'remote', key: `tmdb:${poster}`, load: () => deps.tmdb.downloadImage(poster, 'original') }], 'poster', old?.posterPath ?? null)
        : null;
      const row = { ...fields, posterPath: posterPath ?? old?.posterPath ?? null, fetchedAt: now };
      await db.catalogTitle.upsert({ where: { key }, create: { key, ...row }, update: row });
      result.fetched++;
    } catch (err) {
      // One title TMDB would not give (rate limit, network) is tried again at the next run.
      result.failures.push(`${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return result;
}

function fromTrakt(episodes: string | null): boolean {
  if (!episodes) return false;
  const parsed = catalogEpisodesSchema.safeParse(JSON.parse(episodes));
  return parsed.success && parsed.data.source === 'trakt';
}

type TitleData = { title: string; year: number | null; overview: string | null; rating: number | null; poster: string | null; episodes: string | null };

async function movieTitle(tmdb: TmdbClient, id: number): Promise<TitleData | null> {
  const m = await tmdb.movie(id);
  return m && { title: m.title, year: m.year, overview: m.overview, rating: m.rating ?? null, poster: m.posterPath, episodes: null };
}

async function showTitle(tmdb: TmdbClient, id: number): Promise<TitleData | null> {
  const s = await tmdb.show(id);
  if (!s) return null;
  const numbered = s.seasons.filter((x) => x.number > 0).sort((a, b) => a.number - b.number);
  const episodes: CatalogEpisodes = { seasons: numbered.map((x) => ({ number: x.number, episodes: x.episodeCount ?? 0 })), episodes: [], source: 'tmdb' };
  for (const summary of numbered.slice(-SEASONS_WITH_EPISODES)) {
    const season = await tmdb.season(id, summary.number);
    for (const e of season?.episodes ?? []) episodes.episodes.push({ season: summary.number, number: e.number, title: e.title, airDate: e.airDate });
  }
  return { title: s.title, year: s.year, overview: s.overview, rating: s.rating ?? null, poster: s.posterPath, episodes: JSON.stringify(episodes) };
}
