// Manual edits. Every field a user sets is locked: later automatic updates leave it alone.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { fileIdsWhere, removeRenditionsOfGone } from '@/lib/media/rendition-files';
import { keepTraktPlays } from '@/lib/tracking/keep-trakt-plays';
import { inWatchTransaction, showsOfEpisodes } from '@/lib/tracking/write-watch-state';
import { sortTitle } from '@/lib/scan/identity';
import { fixMatch } from '@/lib/metadata/online/online-admin';
import { findStoredImage } from '@/lib/media/stored-image';
import { getEpisode, getMedia, getSeason } from './browse';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export const mediaPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    year: z.number().int().min(1870).max(2200).nullable(),
    overview: z.string().max(10_000).nullable(),
    rating: z.number().min(0).max(10).nullable().describe('A community-style rating, 0–10 (null clears it); locked against provider updates like every edited field'),
    provider: z.enum(['tmdb', 'tvdb']).describe('Fix the match: with provider_id, the online record this item is (kept through rescans); the configured provider'),
    provider_id: z.string().regex(/^\d{1,12}$/, 'a provider id is a number'),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field')
  .refine((v) => (v.provider === undefined) === (v.provider_id === undefined), { message: 'provider and provider_id go together', path: ['provider_id'] });
export const seasonPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    overview: z.string().max(10_000).nullable(),
    poster: z
      .string()
      .max(300)
      .nullable()
      .describe('A stored image: its key (a `poster_path` from this API) or its `/api/v1/image/<key>` URL; null removes the poster'),
    number: z.number().int().min(0).max(9999).describe("0 is specials; must be free in the show (409 conflict otherwise); the episodes' season_number follows"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field');
export const episodePatchSchema = z
  .object({ title: z.string().trim().min(1).max(500).nullable(), overview: z.string().max(10_000).nullable(), air_date: z.iso.date().nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field');

function lock(current: string, fields: string[]): string {
  return JSON.stringify([...new Set([...(JSON.parse(current) as string[]), ...fields])].sort());
}

export async function editMedia(id: string, input: z.infer<typeof mediaPatchSchema>) {
  const { provider, provider_id, ...patch } = input;
  if (provider && provider_id) await fixMatch(id, { provider, provider_id });
  const item = await db.mediaItem.findUnique({ where: { id }, select: { lockedFields: true } });
  if (!item) throw new ApiError('not_found', 'No such media.');
  if (Object.keys(patch).length === 0) return getMedia(id);
  await db.mediaItem.update({
    where: { id },
    data: { ...patch, ...(patch.title ? { sortTitle: sortTitle(patch.title) } : {}), lockedFields: lock(item.lockedFields, Object.keys(patch)) },
  });
  catalogChanged();
  return getMedia(id);
}

/** The image key a poster value names, checked against the image store; null clears. */
async function posterKey(value: string | null): Promise<string | null> {
  if (value === null) return null;
  const key = value.replace(/^\/api\/v1\/image\//, '');
  try {
    await findStoredImage(key, undefined);
  } catch {
    throw new ApiError('validation_failed', 'Invalid request: body.poster: No stored image has this key.', { fields: [{ path: 'body.poster', message: 'No stored image has this key.' }] });
  }
  return key;
}

/**
 * Edits a season; every field given is locked. A new number moves the season's episodes with it
 * (their season_number), and remembers the number the files carry, so a rescan keeps them here.
 */
export async function editSeason(id: string, patch: z.infer<typeof seasonPatchSchema>) {
  const s = await db.season.findUnique({ where: { id }, select: { showId: true, number: true, fileNumber: true, lockedFields: true } });
  if (!s) throw new ApiError('not_found', 'No such season.');
  const data: { title?: string; overview?: string | null; posterPath?: string | null; number?: number; fileNumber?: number | null } = {};
  if (patch.title !== undefined) data.title = patch.title;
  if (patch.overview !== undefined) data.overview = patch.overview;
  if (patch.poster !== undefined) data.posterPath = await posterKey(patch.poster);
  const renumber = patch.number !== undefined && patch.number !== s.number;
  if (renumber) {
    const fileNumber = s.fileNumber ?? s.number;
    data.number = patch.number;
    data.fileNumber = fileNumber === patch.number ? null : fileNumber;
  }
  const locked = lock(s.lockedFields, Object.keys(patch));
  try {
    // Specials do not count towards a show's progress: a move to or from 0 rewrites ShowWatch.
    await inWatchTransaction({ showIds: renumber ? [s.showId] : [] }, async (tx) => {
      if (renumber && (await tx.season.findFirst({ where: { showId: s.showId, number: patch.number }, select: { id: true } }))) {
        throw new ApiError('conflict', `The show already has a season ${patch.number}: renumber or delete that one first.`);
      }
      await tx.season.update({ where: { id }, data: { ...data, lockedFields: locked } });
      if (renumber) await tx.episode.updateMany({ where: { seasonId: id }, data: { seasonNumber: patch.number } });
    });
  } catch (err) {
    // Two renumbers racing for one number: the unique (showId, number) decides.
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002') {
      throw new ApiError('conflict', `The show already has a season ${patch.number}.`);
    }
    throw err;
  }
  catalogChanged();
  return getSeason(id);
}

export async function editEpisode(id: string, patch: z.infer<typeof episodePatchSchema>) {
  const e = await db.episode.findUnique({ where: { id }, select: { lockedFields: true } });
  if (!e) throw new ApiError('not_found', 'No such episode.');
  const { air_date, ...rest } = patch;
  await db.episode.update({
    where: { id },
    data: { ...rest, ...(air_date !== undefined ? { airDate: air_date } : {}), lockedFields: lock(e.lockedFields, Object.keys(patch)) },
  });
  catalogChanged();
  return getEpisode(id);
}

/** Removes the entry from Marquee (files stay on disk, their renditions go; a rescan brings them back as new entries). */
// The file rows go too, so the next scan sees those files as new.
export async function deleteMedia(id: string): Promise<void> {
  const fileIds = await fileIdsWhere({ itemId: id });
  // Its watch states and (a show) its ShowWatch rows go by cascade: no other show's rows change.
  const { count } = await inWatchTransaction({ showIds: [] }, async (tx) => {
    await keepTraktPlays(tx, { itemIds: [id] });
    await tx.mediaFile.deleteMany({ where: { itemId: id } });
    return tx.mediaItem.deleteMany({ where: { id } });
  });
  await removeRenditionsOfGone(fileIds);
  if (count === 0) throw new ApiError('not_found', 'No such media.');
  catalogChanged();
}
// Deleting episodes takes their watch states along: through writeWatchState, which rewrites the shows' ShowWatch rows.
export async function deleteSeason(id: string): Promise<void> {
  const files = { episodes: { some: { episode: { seasonId: id } } } };
  const showIds = (await db.season.findMany({ where: { id }, select: { showId: true } })).map((s) => s.showId);
  const fileIds = await fileIdsWhere(files);
  const { count } = await inWatchTransaction({ showIds }, async (tx) => {
    await keepTraktPlays(tx, { episodeIds: (await tx.episode.findMany({ where: { seasonId: id }, select: { id: true } })).map((e) => e.id) });
    await tx.mediaFile.deleteMany({ where: files });
    return tx.season.deleteMany({ where: { id } });
  });
  await removeRenditionsOfGone(fileIds);
  if (count === 0) throw new ApiError('not_found', 'No such season.');
  catalogChanged();
}
export async function deleteEpisode(id: string): Promise<void> {
  const files = { episodes: { some: { episodeId: id } } };
  const showIds = await showsOfEpisodes([id]);
  const fileIds = await fileIdsWhere(files);
  const { count } = await inWatchTransaction({ showIds }, async (tx) => {
    await keepTraktPlays(tx, { episodeIds: [id] });
    await tx.mediaFile.deleteMany({ where: files });
    return tx.episode.deleteMany({ where: { id } });
  });
  await removeRenditionsOfGone(fileIds);
  if (count === 0) throw new ApiError('not_found', 'No such episode.');
  catalogChanged();
}
