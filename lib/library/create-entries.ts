// Seasons and episodes added by hand or by a client (known from metadata, no file yet): they are
// `missing` until a file for them turns up.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/http/api-error';

export const createSeasonSchema = z.object({ number: z.number().int().min(0).max(10_000), title: z.string().trim().min(1).max(500).optional() });
export const createEpisodeSchema = z.object({
  number: z.number().int().min(0).max(100_000),
  title: z.string().trim().min(1).max(500).optional(),
  overview: z.string().max(10_000).optional(),
  air_date: z.iso.date().optional(),
});

function conflictOnDuplicate(what: string) {
  return (err: { code?: string }) => {
    if (err.code === 'P2002') throw new ApiError('conflict', `That ${what} already exists.`);
    throw err;
  };
}

export async function createSeason(showId: string, input: z.infer<typeof createSeasonSchema>): Promise<{ id: string }> {
  const show = await db.mediaItem.findUnique({ where: { id: showId }, select: { kind: true } });
  if (show?.kind !== 'show') throw new ApiError('not_found', 'No such show.');
  const title = input.title ?? (input.number === 0 ? 'Specials' : `Season ${input.number}`);
  return db.season
    .create({ data: { showId, number: input.number, title, status: 'missing', lockedFields: JSON.stringify(input.title ? ['title'] : []) }, select: { id: true } })
    .catch(conflictOnDuplicate('season'));
}

export async function createEpisode(seasonId: string, input: z.infer<typeof createEpisodeSchema>): Promise<{ id: string }> {
  const season = await db.season.findUnique({ where: { id: seasonId }, select: { showId: true, number: true } });
  if (!season) throw new ApiError('not_found', 'No such season.');
  const locked = ['title', 'overview', 'air_date'].filter((k) => input[k as keyof typeof input] !== undefined);
  return db.episode
    .create({
      data: {
        showId: season.showId,
        seasonId,
        seasonNumber: season.number,
        number: input.number,
        title: input.title,
        overview: input.overview,
        airDate: input.air_date,
        status: 'missing',
        missingSince: new Date(),
        lockedFields: JSON.stringify(locked),
      },
      select: { id: true },
    })
    .catch(conflictOnDuplicate('episode'));
}
