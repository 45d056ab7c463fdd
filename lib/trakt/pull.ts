// Pulls a user's Trakt account into Marquee, incrementally: /sync/last_activities first (an
// unchanged account costs that one request), then only what changed — watched movies and shows and
// the whole history (paged 1,000 at a time) when anything was watched or unwatched, playback
// progress when something was paused, ratings, watchlist. Movies and shows are matched to library
// items by TMDB / IMDb / TheTVDB id, then by title + year; every one is kept in TraktItem (the
// unmatched ones catalog-only), the plays of matched ones merge into the user's history
// (lib/tracking/import-plays.ts has the rules), and the plays of the rest are kept in TraktPlay
// (History shows them; lib/trakt/adopt.ts turns them into viewings when a scan brings them in).
import { z } from 'zod';
import { db } from '@/lib/db';
import { mergePulledPlays, pendingTargets, type PulledPlay } from '@/lib/tracking/import-plays';
import type { TraktClient } from './client';
import { episodeIndex, libraryIndex } from './library-match';

const ids = z.object({ trakt: z.number(), slug: z.string().nullish(), imdb: z.string().nullish(), tmdb: z.number().nullish(), tvdb: z.number().nullish() }).loose();
const media = z.object({ title: z.string().nullish(), year: z.number().nullish(), ids });
const episode = z.object({ season: z.number(), number: z.number(), title: z.string().nullish(), ids: ids.partial().loose() });
const watchedMovie = z.object({ plays: z.number(), last_watched_at: z.string().nullish(), movie: media });
const watchedShow = z.object({
  plays: z.number(), last_watched_at: z.string().nullish(), show: media,
  seasons: z.array(z.object({ number: z.number(), episodes: z.array(z.object({ number: z.number(), plays: z.number(), last_watched_at: z.string().nullish() })) })).default([]),
});
const historyEntry = z.object({ id: z.number(), watched_at: z.string(), type: z.enum(['movie', 'episode']), movie: media.optional(), show: media.optional(), episode: episode.optional() });
const playbackEntry = z.object({ progress: z.number(), type: z.enum(['movie', 'episode']), movie: media.optional(), show: media.optional(), episode: episode.optional() });
const ratingEntry = z.object({ rating: z.number(), type: z.string(), movie: media.optional(), show: media.optional() });
const watchlistEntry = z.object({ listed_at: z.string(), type: z.string(), movie: media.optional(), show: media.optional() });
const activities = z.object({
  all: z.string().optional(),
  movies: z.record(z.string(), z.string().nullable()).default({}),
  episodes: z.record(z.string(), z.string().nullable()).default({}),
  shows: z.record(z.string(), z.string().nullable()).default({}),
}).loose();
type Activities = z.infer<typeof activities>;
type Media = z.infer<typeof media>;

const changed = (before: Activities | null, now: Activities, group: 'movies' | 'episodes' | 'shows', key: string) => !before || before[group]?.[key] !== now[group]?.[key];

type WatchedRow = { m: Media; data: { plays: number; lastWatchedAt: Date | null; seasons: string | null } };

/**
 * Stores what Trakt says is watched, in bulk: new rows in one insert per 500, changed rows updated,
 * unchanged rows left alone, and rows Trakt no longer lists as watched set to 0 plays.
 * Answers how many have no library item (catalog-only).
 */
async function saveWatched(userId: string, kind: 'movie' | 'show', rows: WatchedRow[], match: (m: Media) => string | null): Promise<number> {
  const existing = new Map((await db.traktItem.findMany({ where: { userId, kind }, select: { id: true, traktId: true, plays: true, lastWatchedAt: true, seasons: true, itemId: true, title: true } })).map((r) => [r.traktId, r]));
  const seen = new Set<number>();
  const creates: { userId: string; kind: string; traktId: number; title: string; year: number | null; ids: string; itemId: string | null; plays: number; lastWatchedAt: Date | null; seasons: string | null }[] = [];
  const updates: { id: string; data: Record<string, unknown> }[] = [];
  let catalogOnly = 0;
  for (const { m, data } of rows) {
    seen.add(m.ids.trakt);
    const itemId = match(m);
    if (!itemId) catalogOnly++;
    const full = { ...data, title: m.title ?? `Trakt ${m.ids.trakt}`, year: m.year ?? null, ids: JSON.stringify(m.ids), itemId };
    const old = existing.get(m.ids.trakt);
    if (!old) creates.push({ userId, kind, traktId: m.ids.trakt, ...full });
    else if (old.plays !== data.plays || old.lastWatchedAt?.getTime() !== data.lastWatchedAt?.getTime() || old.seasons !== data.seasons || old.itemId !== itemId || old.title !== full.title) updates.push({ id: old.id, data: full });
  }
  for (let i = 0; i < creates.length; i += 500) await db.traktItem.createMany({ data: creates.slice(i, i + 500) });
  for (let i = 0; i < updates.length; i += 200) await db.$transaction(updates.slice(i, i + 200).map((u) => db.traktItem.update({ where: { id: u.id }, data: u.data })));
  const gone = [...existing.values()].filter((r) => r.plays > 0 && !seen.has(r.traktId)).map((r) => r.id);
  for (let i = 0; i < gone.length; i += 500) await db.traktItem.updateMany({ where: { id: { in: gone.slice(i, i + 500) } }, data: { plays: 0, lastWatchedAt: null, seasons: null } });
  return catalogOnly;
}

type CatalogPlay = { kind: 'movie' | 'show'; traktId: number; traktPlayId: number; watchedAt: Date; season: number | null; number: number | null; episodeTitle: string | null };

/** Replaces the user's catalog-only plays with those of this (complete) history. */
async function saveCatalogPlays(userId: string, plays: CatalogPlay[]) {
  const items = await db.traktItem.findMany({ where: { userId }, select: { id: true, kind: true, traktId: true } });
  const idOf = new Map(items.map((i) => [`${i.kind}:${i.traktId}`, i.id]));
  const rows = plays.flatMap(({ kind, traktId, ...p }) => {
    const traktItemId = idOf.get(`${kind}:${traktId}`);
    return traktItemId ? [{ userId, traktItemId, ...p }] : [];
  });
  // Plays kept from deleted library items that Trakt had not numbered (ids of ours, below 0) stay
  // unless Trakt now lists the same title at the same time: a play made here is never lost to a pull.
  const onTrakt = new Set(rows.map((r) => `${r.traktItemId}:${r.watchedAt.getTime()}`));
  const ours = (await db.traktPlay.findMany({ where: { userId, traktPlayId: { lt: 0 } }, select: { id: true, traktItemId: true, watchedAt: true } }))
    .filter((p) => !onTrakt.has(`${p.traktItemId}:${p.watchedAt.getTime()}`)).map((p) => p.id);
  await db.traktPlay.deleteMany({ where: { userId, id: { notIn: ours } } });
  for (let i = 0; i < rows.length; i += 500) await db.traktPlay.createMany({ data: rows.slice(i, i + 500) });
}

export type PullResult = { unchanged: boolean; pulled: number; added: number; removed: number; catalogOnly: number };

/** One pull; `progress` is told how far it is (0..1). */
export async function pullAccount(userId: string, client: TraktClient, progress: (f: number, m: string) => Promise<void> = async () => {}): Promise<PullResult> {
  const link = await db.traktLink.findUniqueOrThrow({ where: { userId } });
  const before = link.lastActivities ? activities.parse(JSON.parse(link.lastActivities)) : null;
  const now = activities.parse(await client.get('/sync/last_activities'));
  const result: PullResult = { unchanged: false, pulled: 0, added: 0, removed: 0, catalogOnly: 0 };
  if (before && before.all !== undefined && before.all === now.all) {
    result.unchanged = true;
    return result;
  }
  const watchedChanged = changed(before, now, 'movies', 'watched_at') || changed(before, now, 'episodes', 'watched_at');
  const movieOf = await libraryIndex('movie');
  const showOf = await libraryIndex('show');
  type Client = Pick<typeof db, 'traktItem'>;
  const upsert = async (kind: 'movie' | 'show', m: Media, data: Record<string, unknown>, tx: Client = db) => {
    const itemId = kind === 'movie' ? movieOf(m) : showOf(m);
    const base = { title: m.title ?? `Trakt ${m.ids.trakt}`, year: m.year ?? null, ids: JSON.stringify(m.ids), itemId };
    await tx.traktItem.upsert({ where: { userId_kind_traktId: { userId, kind, traktId: m.ids.trakt } }, create: { userId, kind, traktId: m.ids.trakt, ...base, ...data }, update: { ...base, ...data } });
    return itemId;
  };

  if (watchedChanged) {
    await progress(0.1, 'Watched movies and shows');
    const movies = z.array(watchedMovie).parse(await client.get('/sync/watched/movies'));
    const shows = z.array(watchedShow).parse(await client.get('/sync/watched/shows'));
    const movieRows = movies.map((w) => ({ m: w.movie, data: { plays: w.plays, lastWatchedAt: w.last_watched_at ? new Date(w.last_watched_at) : null, seasons: null as string | null } }));
    const showRows = shows.map((w) => ({ m: w.show, data: { plays: w.plays, lastWatchedAt: w.last_watched_at ? new Date(w.last_watched_at) : null, seasons: JSON.stringify(w.seasons) } }));
    result.catalogOnly += await saveWatched(userId, 'movie', movieRows, movieOf);
    result.catalogOnly += await saveWatched(userId, 'show', showRows, showOf);
    result.pulled += movies.length + shows.length;

    await progress(0.3, 'History');
    const history = z.array(historyEntry).parse(await client.getAllPages('/sync/history', 1000));
    result.pulled += history.length;
    await progress(0.6, 'Matching plays to the library');
    const matchedShows = new Map<number, string>();
    for (const h of history) if (h.show && !matchedShows.has(h.show.ids.trakt)) matchedShows.set(h.show.ids.trakt, showOf(h.show) ?? '');
    const episodeOf = await episodeIndex([...matchedShows.values()].filter(Boolean));
    const plays: PulledPlay[] = [];
    const catalogPlays: CatalogPlay[] = [];
    for (const h of history) {
      const watchedAt = new Date(h.watched_at);
      if (h.type === 'movie' && h.movie) {
        const itemId = movieOf(h.movie);
        if (itemId) plays.push({ itemId, episodeId: null, watchedAt, traktPlayId: h.id });
        else catalogPlays.push({ kind: 'movie', traktId: h.movie.ids.trakt, traktPlayId: h.id, watchedAt, season: null, number: null, episodeTitle: null });
      } else if (h.show && h.episode) {
        const showId = matchedShows.get(h.show.ids.trakt);
        const episodeId = showId ? episodeOf(showId, h.episode.season, h.episode.number) : null;
        if (episodeId) plays.push({ itemId: null, episodeId, watchedAt, traktPlayId: h.id });
        else catalogPlays.push({ kind: 'show', traktId: h.show.ids.trakt, traktPlayId: h.id, watchedAt, season: h.episode.season, number: h.episode.number, episodeTitle: h.episode.title ?? null });
      }
    }
    const merged = await mergePulledPlays(userId, plays, { complete: true, pending: await pendingTargets(userId) });
    await saveCatalogPlays(userId, catalogPlays);
    result.added = merged.added;
    result.removed = merged.removed;
  }

  if (changed(before, now, 'movies', 'paused_at') || changed(before, now, 'episodes', 'paused_at')) {
    await progress(0.8, 'Playback progress');
    const paused = z.array(playbackEntry).parse(await client.get('/sync/playback'));
    result.pulled += paused.length;
    await db.traktItem.updateMany({ where: { userId, progress: { not: null } }, data: { progress: null } });
    for (const p of paused) if (p.type === 'movie' && p.movie) await upsert('movie', p.movie, { progress: p.progress });
  }
  if (changed(before, now, 'movies', 'rated_at') || changed(before, now, 'shows', 'rated_at')) {
    const ratings = z.array(ratingEntry).parse(await client.get('/sync/ratings'));
    result.pulled += ratings.length;
    for (const r of ratings) {
      if (r.movie) await upsert('movie', r.movie, { rating: r.rating });
      else if (r.show) await upsert('show', r.show, { rating: r.rating });
    }
  }
  if (changed(before, now, 'movies', 'watchlisted_at') || changed(before, now, 'shows', 'watchlisted_at')) {
    const list = z.array(watchlistEntry).parse(await client.get('/sync/watchlist'));
    result.pulled += list.length;
    await db.traktItem.updateMany({ where: { userId, watchlistedAt: { not: null } }, data: { watchlistedAt: null } });
    for (const w of list) {
      if (w.movie) await upsert('movie', w.movie, { watchlistedAt: new Date(w.listed_at) });
      else if (w.show) await upsert('show', w.show, { watchlistedAt: new Date(w.listed_at) });
    }
  }
  await db.traktLink.update({ where: { userId }, data: { lastActivities: JSON.stringify(now) } });
  return result;
}
