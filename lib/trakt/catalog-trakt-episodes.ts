// With no TMDB key, catalog-only shows still get their episodes and air dates — from Trakt itself:
// GET /shows/:id/seasons?extended=full,episodes (every season with its episodes and their
// first_aired), one request per show, asked with the client credentials and token of a user who
// has the show in their Trakt history (the same client as the sync: X-Ratelimit and 429 Retry-After
// honoured). Kept in CatalogTitle like TMDB's (the TMDB key when Trakt gives a TMDB id, else
// "show:trakt:<id>"), marked source "trakt", refreshed as rarely as TMDB's (7 days). TMDB stays the
// first choice: with a key set this never runs, and the TMDB enrichment replaces what this stored.
import { z } from 'zod';
import { db } from '@/lib/db';
import { catalogKeyOf, type CatalogEpisodes } from '@/lib/tracking/reads/catalog-only';
import { TraktError, type TraktClient } from './client';
import { REFRESH_MS } from './catalog-enrich';

const traktSeason = z.object({
  number: z.number(),
  episode_count: z.number().nullish(),
  episodes: z.array(z.object({ season: z.number(), number: z.number(), title: z.string().nullish(), first_aired: z.string().nullish() })).nullish(),
}).loose();

export type TraktEpisodesDeps = { clientFor: (userId: string) => Promise<TraktClient>; now?: Date };
export type TraktEpisodesResult = { shows: number; fetched: number; not_found: number; failures: string[] };

/** Trakt's seasons answer as our episode list (specials left out); an air date is first_aired's UTC day, as `today` is reckoned. */
export function episodesFromTrakt(seasons: z.infer<typeof traktSeason>[]): CatalogEpisodes {
  const numbered = seasons.filter((s) => s.number > 0).sort((a, b) => a.number - b.number);
  return {
    seasons: numbered.map((s) => ({ number: s.number, episodes: s.episode_count ?? s.episodes?.length ?? 0 })),
    episodes: numbered.flatMap((s) => (s.episodes ?? []).map((e) => ({ season: s.number, number: e.number, title: e.title ?? null, airDate: e.first_aired ? new Date(e.first_aired).toISOString().slice(0, 10) : null }))),
    source: 'trakt',
  };
}

export async function enrichEpisodesFromTrakt(deps: TraktEpisodesDeps, signal?: AbortSignal): Promise<TraktEpisodesResult> {
  const now = deps.now ?? new Date();
  const rows = await db.traktItem.findMany({
    where: { itemId: null, kind: 'show', plays: { gt: 0 }, user: { traktLink: { status: { not: 'needs_reauth' } } } },
    select: { userId: true, kind: true, traktId: true, ids: true, title: true, year: true },
    orderBy: { id: 'asc' },
  });
  // One request per show, whoever of its users asks.
  const shows = new Map<string, (typeof rows)[number] & { users: string[] }>();
  for (const r of rows) {
    const key = catalogKeyOf(r)!;
    const s = shows.get(key) ?? { ...r, users: [] };
    s.users.push(r.userId);
    shows.set(key, s);
  }
  const known = new Map((await db.catalogTitle.findMany({ where: { key: { in: [...shows.keys()] } }, select: { key: true, fetchedAt: true, episodes: true } })).map((t) => [t.key, t]));
  const result: TraktEpisodesResult = { shows: shows.size, fetched: 0, not_found: 0, failures: [] };
  const clients = new Map<string, TraktClient | null>();
  const clientOf = async (userId: string) => {
    if (!clients.has(userId)) clients.set(userId, await deps.clientFor(userId).catch(() => null));
    return clients.get(userId)!;
  };
  for (const [key, show] of shows) {
    signal?.throwIfAborted();
    const old = known.get(key);
    if (old && now.getTime() - old.fetchedAt.getTime() < REFRESH_MS.show) continue;
    let client: TraktClient | null = null;
    for (const u of show.users) if ((client = await clientOf(u))) break;
    if (!client) {
      result.failures.push(`${key}: no user's Trakt link can be used`);
      continue;
    }
    try {
      const seasons = z.array(traktSeason).parse(await client.get(`/shows/${show.traktId}/seasons?extended=full,episodes`));
      const episodes = JSON.stringify(episodesFromTrakt(seasons));
      // TMDB's poster, overview and rating (from when a key was set) stay; only the episodes are Trakt's.
      await db.catalogTitle.upsert({ where: { key }, create: { key, title: show.title, year: show.year, episodes, fetchedAt: now }, update: { episodes, fetchedAt: now } });
      result.fetched++;
    } catch (err) {
      if (err instanceof TraktError && err.status === 404) {
        result.not_found++;
        // Remember the miss, so an unknown show is not asked for at every pull.
        await db.catalogTitle.upsert({ where: { key }, create: { key, title: show.title, year: show.year, fetchedAt: now }, update: { fetchedAt: now } });
        continue;
      }
      // Rate limited past our waits, Trakt down: tried again at the next run.
      result.failures.push(`${key}: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof TraktError && (err.kind === 'rate_limited' || err.kind === 'unavailable')) break;
    }
  }
  return result;
}

