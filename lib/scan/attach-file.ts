// Attaches a probed file to its item — creating the movie, show, season or episode when new —
// inside the scan's write transaction. Items are found by identity key, so watch state and edits
// stay with the item when its file is replaced or re-added.
import type { Db } from '@/lib/db';
import { sortTitle, type Identity } from './identity';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** `itemId`: the item the file now belongs to (null when unrecognized). */
export async function attachFile(tx: Tx, libraryId: string, fileId: string, identity: Identity): Promise<{ created: boolean; itemId: string | null }> {
  if (identity.kind === 'unrecognized') {
    await tx.mediaFile.update({ where: { id: fileId }, data: { itemId: null } });
    await tx.episodeFile.deleteMany({ where: { fileId } });
    return { created: false, itemId: null };
  }
  const existing = await tx.mediaItem.findUnique({ where: { libraryId_identityKey: { libraryId, identityKey: identity.key } }, select: { id: true } });
  const item =
    existing ??
    (await tx.mediaItem.create({
      data: {
        libraryId,
        kind: identity.kind,
        identityKey: identity.key,
        title: identity.title,
        sortTitle: sortTitle(identity.title),
        year: identity.kind === 'video' ? null : identity.year,
        tmdbId: identity.kind === 'video' ? null : (identity.ids.tmdb ?? null),
        tvdbId: identity.kind === 'video' ? null : (identity.ids.tvdb ?? null),
        imdbId: identity.kind === 'video' ? null : (identity.ids.imdb ?? null),
      },
      select: { id: true },
    }));
  await tx.mediaFile.update({ where: { id: fileId }, data: { itemId: item.id } });
  if (identity.kind !== 'show') return { created: !existing, itemId: item.id };

  const season = await tx.season.upsert({
    where: { showId_number: { showId: item.id, number: identity.season } },
    create: { showId: item.id, number: identity.season, title: identity.season === 0 ? 'Specials' : `Season ${identity.season}` },
    update: {},
    select: { id: true },
  });
  const episodeIds: string[] = [];
  for (const number of identity.episodes) {
    const ep = await tx.episode.upsert({
      where: { seasonId_number: { seasonId: season.id, number } },
      create: {
        showId: item.id,
        seasonId: season.id,
        seasonNumber: identity.season,
        number,
        airDate: identity.airDate,
        absoluteNumber: identity.absolute,
      },
      update: {},
      select: { id: true },
    });
    episodeIds.push(ep.id);
  }
  await tx.episodeFile.deleteMany({ where: { fileId, episodeId: { notIn: episodeIds } } });
  for (const episodeId of episodeIds) {
    await tx.episodeFile.upsert({ where: { fileId_episodeId: { fileId, episodeId } }, create: { fileId, episodeId }, update: {} });
  }
  return { created: !existing, itemId: item.id };
}
