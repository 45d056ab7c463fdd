import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';

const tags = ['tracking'];
const idParams = z.object({ id: z.string().min(1).max(100) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const episodeRef = z.object({
  id: z.string(), show_id: z.string(), show_title: z.string().optional(), season_number: z.number().int(), number: z.number().int(),
  title: z.string().nullable(), air_date: z.string().nullable(), thumb_url: z.string().nullable(),
});
/** An episode as the lists give it, of a library show or (no ids: nothing of ours to link to) of a catalog-only show. */
const anyEpisodeRef = episodeRef.extend({
  id: z.string().nullable().describe('null for an episode of a catalog-only show'), show_id: z.string().nullable().describe('null for a catalog-only show'),
});
const watchedResult = z.object({ watched: z.boolean(), count: z.number().int().describe('Movies or episodes affected') });
const followResult = z.object({ following: z.boolean() });

const watched = (method: 'PUT' | 'DELETE', path: string, summary: string) =>
  defineContract({ method, path, access: 'user', tags, summary, params: idParams, response: { status: 200, description: 'Done', schema: watchedResult }, errors: ['not_found'] });

export const putEpisodeWatchedContract = watched('PUT', '/api/v1/episode/{id}/watched', 'Mark an episode watched (a new viewing if it was not)');
export const deleteEpisodeWatchedContract = watched('DELETE', '/api/v1/episode/{id}/watched', 'Mark an episode unwatched (its plays leave the history)');
export const putMediaWatchedContract = watched('PUT', '/api/v1/media/{id}/watched', 'Mark a movie or video watched, or every episode of a show or season');
export const deleteMediaWatchedContract = watched('DELETE', '/api/v1/media/{id}/watched', 'Mark a movie, video, show or season unwatched');
export const putWatchedUpToContract = watched('PUT', '/api/v1/episode/{id}/watched-up-to', 'Mark this episode and every earlier one of its show watched');

export const putFollowContract = defineContract({
  method: 'PUT', path: '/api/v1/tv/{id}/follow', access: 'user', tags, summary: 'Follow a show', params: idParams,
  response: { status: 200, description: 'Following', schema: followResult }, errors: ['not_found'],
});
export const deleteFollowContract = defineContract({
  method: 'DELETE', path: '/api/v1/tv/{id}/follow', access: 'user', tags, summary: 'Stop following a show', params: idParams,
  response: { status: 200, description: 'Not following', schema: followResult }, errors: ['not_found'],
});

export const trackedShowsContract = defineContract({
  method: 'GET', path: '/api/v1/tracking/shows', access: 'user', tags, summary: 'Your followed shows with progress, and the shows of your Trakt history that are in no library',
  response: {
    status: 200, description: 'Shows, most recently watched first',
    schema: z.array(z.object({
      id: z.string().nullable().describe('The library show; null for a catalog-only show'), title: z.string(), year: z.number().nullable(), poster_url: z.string().nullable(),
      watched: z.number().int(), aired: z.number().int(),
      next_episode: anyEpisodeRef.nullable().describe('The first aired episode after the furthest one watched (for a catalog-only show, from TMDB or Trakt)'), last_watched_at: z.string().nullable(),
      followed_at: z.string().nullable().describe('null for a catalog-only show'),
      catalog_only: z.boolean().describe('Watched on Trakt, not in your library (aired counts come from TMDB when a key is set, else from Trakt)'),
      trakt_id: z.number().int().nullable().describe('The Trakt show of a catalog-only show'),
    })),
  },
});
export const continueContract = defineContract({
  method: 'GET', path: '/api/v1/tracking/continue', access: 'user', tags, summary: 'Continue watching: what you stopped in the middle of',
  response: {
    status: 200, description: 'Most recent first',
    schema: z.array(z.object({
      kind: z.enum(['movie', 'video', 'show', 'episode']), id: z.string(), title: z.string(), episode: episodeRef.nullable(), poster_url: z.string().nullable(),
      position_secs: z.number(), duration: z.number().nullable(), progress: z.number().nullable(), updated_at: z.string(),
    })),
  },
});
export const nextUpContract = defineContract({
  method: 'GET', path: '/api/v1/tracking/next-up', access: 'user', tags, summary: 'The next episode of each show you are watching, in a library or (catalog-only) only on Trakt',
  response: {
    status: 200, description: 'Most recently watched show first',
    schema: z.array(z.object({
      show_id: z.string().nullable().describe('null for a catalog-only show'), show_title: z.string(), poster_url: z.string().nullable(), episode: anyEpisodeRef, last_watched_at: z.string().nullable(),
      catalog_only: z.boolean().describe('Watched on Trakt, not in your library'), trakt_show_id: z.number().int().nullable().describe('The Trakt show of a catalog-only show'),
    })),
  },
});
export const historyContract = defineContract({
  method: 'GET', path: '/api/v1/tracking/history', access: 'user', tags, summary: 'Your viewings, newest first, with the plays of your Trakt history that are in no library',
  query: z.object({ page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(200).default(50) }),
  response: {
    status: 200, description: 'A page of history',
    schema: z.object({
      page: z.number(), page_size: z.number(), total: z.number(),
      items: z.array(z.object({
        id: z.string(), watched_at: z.string(), kind: z.enum(['movie', 'video', 'show', 'episode']),
        media_id: z.string().nullable().describe('The movie, video or episode; null for a catalog-only play'), title: z.string(), episode: episodeRef.nullable(),
        poster_url: z.string().nullable(),
        catalog_only: z.boolean().describe('On Trakt, not in your library'),
        catalog: z.object({
          trakt_id: z.number().int(), year: z.number().nullable(), show_id: z.string().nullable().describe('The library show, when the show is in a library but this episode is not'),
          overview: z.string().nullable(), rating: z.number().nullable().describe("TMDB's vote average (0–10)"),
          season_number: z.number().int().nullable(), number: z.number().int().nullable(), episode_title: z.string().nullable(),
        }).nullable().describe('What Trakt and TMDB say of a catalog-only play'),
      })),
    }),
  },
});
export const calendarContract = defineContract({
  method: 'GET', path: '/api/v1/tracking/calendar', access: 'user', tags, summary: 'Episodes of your followed shows, and of the shows of your Trakt history in no library, airing between two dates',
  query: z.object({ from: day, to: day }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] }),
  response: {
    status: 200, description: 'Episodes by air date',
    schema: z.array(episodeRef.extend({
      id: z.string().nullable().describe('null for an episode of a catalog-only show'), show_id: z.string().nullable(),
      catalog_only: z.boolean().describe('A show watched on Trakt, not in your library (air dates from TMDB, or from Trakt with no TMDB key)'), trakt_show_id: z.number().int().nullable(),
    })),
  },
});
