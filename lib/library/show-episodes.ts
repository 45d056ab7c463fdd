// A show with every season and episode, and (for a user) each episode's watched flag, in one answer:
// three queries however many seasons (GET /api/v1/tv/:id/episodes, and TV Time's GET /tvtime/show/:id).
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { episodeView, itemView, mediaItemSchema, seasonDetailSchema, seasonView } from './media-views';

export const showEpisodesSchema = z.object({
  show: mediaItemSchema,
  seasons: z.array(seasonDetailSchema).describe('Every season (specials are season 0), each with its episodes in order and your watched flag on each'),
});
export type ShowEpisodes = z.infer<typeof showEpisodesSchema>;

export async function showEpisodes(showId: string, userId: string): Promise<ShowEpisodes> {
  const show = await db.mediaItem.findUnique({ where: { id: showId } });
  if (!show || show.kind !== 'show') throw new ApiError('not_found', 'No show with this id.');
  const [seasons, watched] = await Promise.all([
    db.season.findMany({
      where: { showId },
      orderBy: { number: 'asc' },
      include: { _count: { select: { episodes: true } }, episodes: { orderBy: { number: 'asc' }, include: { files: { include: { file: true } } } } },
    }),
    db.watchState.findMany({ where: { userId, watched: true, episode: { showId } }, select: { episodeId: true } }),
  ]);
  const seen = new Set(watched.map((w) => w.episodeId));
  return {
    show: itemView(show),
    seasons: seasons.map((s) => ({ ...seasonView(s), episodes: s.episodes.map((e) => ({ ...episodeView(e), watched: seen.has(e.id) })) })),
  };
}
