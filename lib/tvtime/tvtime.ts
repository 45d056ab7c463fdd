// TV Time-compatible reads and writes over our own tracking, for scripts and player plugins written
// against the (scraped) TV Time API: followed shows, one show with every season, episode and "seen"
// flag in one answer, follow/unfollow, episode seen/unseen. Shapes use TV Time's words (name, seen,
// followed, seen_episodes, aired_episodes); ids are Marquee ids, and shows also answer to their
// TheTVDB id (lib/tvtime/resolve-ids.ts). Every read and write is the caller's own.
import { z } from 'zod';
import { db } from '@/lib/db';
import { showEpisodes } from '@/lib/library/show-episodes';
import { trackedShows } from '@/lib/tracking/lists';
import { isFollowing, setEpisodeWatched, setFollow } from '@/lib/tracking/watched';
import { resolveEpisodeId, resolveShowId } from './resolve-ids';

const episodeRefSchema = z.object({ id: z.string(), name: z.string().nullable(), season_number: z.number().int(), number: z.number().int(), air_date: z.string().nullable() });

export const tvtimeShowSummarySchema = z.object({
  id: z.string(),
  tvdb_id: z.number().int().nullable(),
  name: z.string(),
  year: z.number().int().nullable(),
  image: z.string().nullable(),
  followed: z.boolean(),
  seen_episodes: z.number().int(),
  aired_episodes: z.number().int(),
  next_episode: episodeRefSchema.nullable(),
  last_seen_at: z.string().nullable(),
});

export const tvtimeShowSchema = tvtimeShowSummarySchema.omit({ next_episode: true, last_seen_at: true }).extend({
  overview: z.string().nullable(),
  seasons: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      episodes: z.array(episodeRefSchema.extend({ seen: z.boolean() })),
    }),
  ),
});

export const tvtimeFollowSchema = z.object({ result: z.literal('OK'), show_id: z.string(), followed: z.boolean() });
export const tvtimeSeenSchema = z.object({ result: z.literal('OK'), episode_id: z.string(), seen: z.boolean() });

const tvdbNumber = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);
const today = () => new Date().toISOString().slice(0, 10);

/** GET /tvtime/shows: the shows the caller follows, with progress. */
export async function tvtimeShows(userId: string): Promise<z.infer<typeof tvtimeShowSummarySchema>[]> {
  const shows = await trackedShows(userId);
  const ids = await db.mediaItem.findMany({ where: { id: { in: shows.map((s) => s.id) } }, select: { id: true, tvdbId: true } });
  const tvdb = new Map(ids.map((r) => [r.id, tvdbNumber(r.tvdbId)]));
  return shows.map((s) => ({
    id: s.id,
    tvdb_id: tvdb.get(s.id) ?? null,
    name: s.title,
    year: s.year,
    image: s.poster_url,
    followed: true,
    seen_episodes: s.watched,
    aired_episodes: s.aired,
    next_episode: s.next_episode && { id: s.next_episode.id, name: s.next_episode.title, season_number: s.next_episode.season_number, number: s.next_episode.number, air_date: s.next_episode.air_date },
    last_seen_at: s.last_watched_at,
  }));
}

/** GET /tvtime/show/:id: the show, every season and episode, and the caller's seen flags. */
export async function tvtimeShow(userId: string, id: string): Promise<z.infer<typeof tvtimeShowSchema>> {
  const showId = await resolveShowId(id);
  const [{ show, seasons }, followed] = await Promise.all([showEpisodes(showId, userId), isFollowing(userId, showId)]);
  const episodes = seasons.filter((s) => s.number > 0).flatMap((s) => s.episodes);
  const aired = episodes.filter((e) => e.air_date !== null && e.air_date <= today());
  return {
    id: show.id,
    tvdb_id: tvdbNumber(show.ids.tvdb),
    name: show.title,
    year: show.year,
    image: show.poster_url,
    overview: show.overview,
    followed,
    seen_episodes: episodes.filter((e) => e.watched).length,
    aired_episodes: aired.length,
    seasons: seasons.map((s) => ({
      number: s.number,
      name: s.title,
      episodes: s.episodes.map((e) => ({ id: e.id, name: e.title, season_number: e.season_number, number: e.number, air_date: e.air_date, seen: e.watched === true })),
    })),
  };
}

export async function tvtimeFollow(userId: string, id: string, follow: boolean): Promise<z.infer<typeof tvtimeFollowSchema>> {
  const showId = await resolveShowId(id);
  const { following } = await setFollow(userId, showId, follow);
  return { result: 'OK', show_id: showId, followed: following };
}

export async function tvtimeSeen(userId: string, id: string, seen: boolean): Promise<z.infer<typeof tvtimeSeenSchema>> {
  const episodeId = resolveEpisodeId(id);
  const { watched } = await setEpisodeWatched(userId, episodeId, seen);
  return { result: 'OK', episode_id: episodeId, seen: watched };
}
