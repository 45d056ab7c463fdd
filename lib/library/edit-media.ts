// Manual edits. Every field a user sets is locked: later automatic updates leave it alone.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { inWatchTransaction, showsOfEpisodes } from '@/lib/tracking/write-watch-state';
import { sortTitle } from '@/lib/scan/identity';
import { fixMatch } from '@/lib/metadata/online/online-admin';
import { getEpisode, getMedia, getSeason } from './browse';

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
export const seasonPatchSchema = z.object({ title: z.string().trim().min(1).max(500) });
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
  return getMedia(id);
}

export async function editSeason(id: string, patch: z.infer<typeof seasonPatchSchema>) {
  const s = await db.season.findUnique({ where: { id }, select: { lockedFields: true } });
  if (!s) throw new ApiError('not_found', 'No such season.');
  await db.season.update({ where: { id }, data: { title: patch.title, lockedFields: lock(s.lockedFields, ['title']) } });
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
  return getEpisode(id);
}

/** Removes the entry from Marquee (files stay on disk; a rescan brings them back as new entries). */
// The file rows go too, so the next scan sees those files as new.
export async function deleteMedia(id: string): Promise<void> {
  // Its watch states and (a show) its ShowWatch rows go by cascade: no other show's rows change.
  const { count } = await inWatchTransaction({ showIds: [] }, async (tx) => {
    await tx.mediaFile.deleteMany({ where: { itemId: id } });
    return tx.mediaItem.deleteMany({ where: { id } });
  });
  if (count === 0) throw new ApiError('not_found', 'No such media.');
}
// Deleting episodes takes their watch states along: through writeWatchState, which rewrites the shows' ShowWatch rows.
export async function deleteSeason(id: string): Promise<void> {
  const files = { episodes: { some: { episode: { seasonId: id } } } };
  const showIds = (await db.season.findMany({ where: { id }, select: { showId: true } })).map((s) => s.showId);
  const { count } = await inWatchTransaction({ showIds }, async (tx) => {
    await tx.mediaFile.deleteMany({ where: files });
    return tx.season.deleteMany({ where: { id } });
  });
  if (count === 0) throw new ApiError('not_found', 'No such season.');
}
export async function deleteEpisode(id: string): Promise<void> {
  const files = { episodes: { some: { episodeId: id } } };
  const showIds = await showsOfEpisodes([id]);
  const { count } = await inWatchTransaction({ showIds }, async (tx) => {
    await tx.mediaFile.deleteMany({ where: files });
    return tx.episode.deleteMany({ where: { id } });
  });
  if (count === 0) throw new ApiError('not_found', 'No such episode.');
}
