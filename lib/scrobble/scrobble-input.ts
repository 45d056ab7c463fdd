// What another player reports about playback (POST /api/v1/scrobble, and what the Jellyfin and Plex
// webhooks are mapped onto): an event, where playback is and how long the item is, and how to find
// the item — any of its ids (Marquee, TheTVDB, TMDB, IMDb) or its title, with season and episode
// numbers for an episode.
import { z } from 'zod';

const externalId = z.union([z.string().trim().min(1).max(40), z.number().int().nonnegative()]).transform(String);

export const scrobbleInputSchema = z
  .object({
    event: z.enum(['start', 'pause', 'stop']).describe('start (also resume), pause or stop; each moves the resume point, and any of them at 90 % or more marks the item watched'),
    position_secs: z.number().min(0).max(1e7).describe('Where playback is, in seconds'),
    duration_secs: z.number().positive().max(1e7).describe('How long the item is, in seconds'),
    ids: z
      .object({
        marquee: z.string().trim().min(1).max(100).optional().describe('A Marquee movie, video, episode or show id'),
        tvdb: externalId.optional(),
        tmdb: externalId.optional(),
        imdb: z.string().trim().regex(/^tt\d{1,12}$/, 'An IMDb id looks like tt0123456.').optional(),
        season: z.number().int().min(0).max(10_000).optional(),
        episode: z.number().int().min(0).max(100_000).optional(),
      })
      .default({})
      .describe("The item's ids; for an episode, the show's ids (or its Marquee episode id) with season and episode"),
    title: z.string().trim().min(1).max(500).optional().describe('The movie or show title, when no id is known'),
    year: z.number().int().min(1870).max(2200).optional(),
  })
  .refine((v) => v.ids.marquee || v.ids.tvdb || v.ids.tmdb || v.ids.imdb || v.title, { message: 'Give an id (marquee, tvdb, tmdb or imdb) or a title.', path: ['ids'] })
  .refine((v) => (v.ids.season === undefined) === (v.ids.episode === undefined), { message: 'Give season and episode together.', path: ['ids', 'episode'] });

export type ScrobbleInput = z.infer<typeof scrobbleInputSchema>;

export const scrobbleResultSchema = z.object({
  event: z.enum(['start', 'pause', 'stop']),
  item: z.object({
    kind: z.enum(['movie', 'video', 'episode']),
    id: z.string(),
    title: z.string(),
    show_id: z.string().nullable(),
    season: z.number().int().nullable(),
    episode: z.number().int().nullable(),
  }),
  progress: z.number().describe('position / duration, 0–1'),
  resume_secs: z.number().describe('The resume point now kept (0: none, under 5 % or watched)'),
  watched: z.boolean(),
  play_count: z.number().int(),
});
export type ScrobbleResult = z.infer<typeof scrobbleResultSchema>;
