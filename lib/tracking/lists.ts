// The tracking lists of one user: followed shows with progress, continue watching, next up,
// history and the upcoming-episodes calendar, with the titles of the user's Trakt history that are
// in no library (catalog-only). Everything is scoped to the caller's user id. The
// lists on the home page are single raw reads (lib/tracking/reads/), each along an index.
import { imageUrl } from '@/lib/media/image-key';
import { episodeRef } from './episode-ref';
import { calendar } from './reads/calendar';
import { catalogCalendar, catalogShows, type CatalogNextEpisode } from './reads/catalog-only';
import { showProgress } from './reads/show-progress';

export { continueWatching } from './reads/continue-watching';
export { followedCount } from './reads/followed-count';
export { history } from './reads/history';
export { recentlyAdded } from './reads/recently-added';

/** The shows the user follows with their progress, most recently watched (or followed) first; `limit` takes the first ones. */
export async function trackedShows(userId: string, limit?: number) {
  const shows = await showProgress(userId, { followed: true, limit });
  return shows
    .map((p) => ({
      id: p.id,
      title: p.title,
      year: p.year,
      poster_url: imageUrl(p.posterPath),
      watched: p.watched,
      aired: p.aired,
      next_episode: p.next ? episodeRef(p.next) : null,
      last_watched_at: p.last?.toISOString() ?? null,
      followed_at: (p.followedAt ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => (b.last_watched_at ?? b.followed_at).localeCompare(a.last_watched_at ?? a.followed_at));
}

/** A catalog-only show's next episode as the lists show episodes: no ids (there is no page of ours for it). */
const catalogEpisodeRef = (e: CatalogNextEpisode) => ({ id: null, show_id: null, season_number: e.season_number, number: e.number, title: e.title, air_date: e.air_date, thumb_url: null });

/**
 * For the shows you watched most recently: the next episode to watch — of library shows, and of the
 * shows of your Trakt history in no library (catalog-only: no ids, nothing to link to).
 */
export async function nextUp(userId: string, limit = 20) {
  // The shows watched most recently, a few spare as finished shows drop out.
  const [library, catalog] = await Promise.all([showProgress(userId, { recent: limit * 2 }), catalogShows(userId)]);
  return [
    ...library
      .filter((p) => p.next && p.watched > 0)
      .map((p) => ({ show_id: p.id as string | null, show_title: p.title, poster_url: imageUrl(p.posterPath), episode: episodeRef(p.next!), last_watched_at: p.last?.toISOString() ?? null, catalog_only: false, trakt_show_id: null as number | null })),
    ...catalog
      .filter((c) => c.next_episode)
      .map((c) => ({ show_id: null, show_title: c.title, poster_url: c.poster_url, episode: catalogEpisodeRef(c.next_episode!), last_watched_at: c.last_watched_at, catalog_only: true, trakt_show_id: c.trakt_id as number | null })),
  ]
    .sort((a, b) => (b.last_watched_at ?? '').localeCompare(a.last_watched_at ?? ''))
    .slice(0, limit);
}

/**
 * Your shows: the followed ones, and the ones watched on Trakt that are in no library (catalog-only,
 * no id: there is no page of ours for them), most recently watched (or followed) first.
 */
export async function yourShows(userId: string, limit?: number) {
  const [followed, catalog] = await Promise.all([trackedShows(userId, limit), catalogShows(userId)]);
  const all = [
    ...followed.map((s) => ({ ...s, catalog_only: false, trakt_id: null as number | null })),
    ...catalog.map((c) => ({
      id: null, title: c.title, year: c.year, poster_url: c.poster_url, watched: c.watched, aired: c.aired, next_episode: c.next_episode ? catalogEpisodeRef(c.next_episode) : null,
      last_watched_at: c.last_watched_at, followed_at: null, catalog_only: true, trakt_id: c.trakt_id as number | null,
    })),
  ].sort((a, b) => (b.last_watched_at ?? b.followed_at ?? '').localeCompare(a.last_watched_at ?? a.followed_at ?? ''));
  return limit === undefined ? all : all.slice(0, limit);
}

/** The calendar with the episodes of your catalog-only shows (no ids, `catalog_only`), by air date. */
export async function calendarWithCatalog(userId: string, from: string, to: string) {
  const [library, catalog] = await Promise.all([calendar(userId, from, to), catalogCalendar(userId, from, to)]);
  return [
    ...library.map((e) => ({ ...e, catalog_only: false, trakt_show_id: null as number | null })),
    ...catalog.map((e) => ({ id: null, show_id: null, show_title: e.show_title, season_number: e.season_number, number: e.number, title: e.title, air_date: e.air_date as string | null, thumb_url: null, catalog_only: true, trakt_show_id: e.trakt_show_id as number | null })),
  ].sort((a, b) => (a.air_date ?? '').localeCompare(b.air_date ?? '') || a.season_number - b.season_number || a.number - b.number);
}

export { calendar };
