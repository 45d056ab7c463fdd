// Seasons and episodes added by hand or by a client (known from metadata, no file yet): they are
// `missing` until a file for them turns up.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { normalizeTitle, sortTitle } from '@/lib/scan/identity';

export const createSeasonSchema = z.object({ number: z.number().int().min(0).max(10_000), title: z.string().trim().min(1).max(500).optional() });
export const createEpisodeSchema = z.object({
  number: z.number().int().min(0).max(100_000),
  title: z.string().trim().min(1).max(500).optional(),
  overview: z.string().max(10_000).optional(),
  air_date: z.iso.date().optional(),
});

export const createShowSchema = z.object({
  title: z.string().trim().min(1).max(500),
  year: z.number().int().min(1870).max(2200).optional(),
  overview: z.string().max(10_000).optional(),
  tvdb_id: z.string().max(40).optional(),
  tmdb_id: z.string().max(40).optional(),
  imdb_id: z.string().max(40).optional(),
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

/**
 * A show known from metadata, without files (to follow it): `missing` until files turn up, and
 * keyed like the scanner keys shows, so files for it attach to this item when they arrive.
 */
export async function createShow(libraryId: string, input: z.infer<typeof createShowSchema>): Promise<{ id: string }> {
  const lib = await db.library.findUnique({ where: { id: libraryId }, select: { type: true } });
  if (!lib) throw new ApiError('not_found', 'No such library.');
  if (lib.type !== 'tv') throw new ApiError('validation_failed', 'Shows belong in a TV library.');
  const identityKey = `show:${normalizeTitle(input.title)}${input.year ? `:${input.year}` : ''}`;
  return db.mediaItem
    .create({
      data: {
        libraryId, kind: 'show', identityKey, title: input.title, sortTitle: sortTitle(input.title), year: input.year ?? null, overview: input.overview ?? null,
        tvdbId: input.tvdb_id ?? null, tmdbId: input.tmdb_id ?? null, imdbId: input.imdb_id ?? null, status: 'missing',
      },
      select: { id: true },
    })
    .catch(conflictOnDuplicate('show'));
}
