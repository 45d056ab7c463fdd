// Attaches probed files to their items — creating the movie, show, season or episode when new —
// inside a write transaction. Items are found by identity key, so watch state and edits stay with
// the item when its file is replaced or re-added. A whole scan batch is placed with a handful of
// queries (one lookup and at most one insert per table), not a few per file.
import type { Db } from '@/lib/db';
import { sortTitle, type Identity } from './identity';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Where one identity landed: its item (null when unrecognized) and, for a show, its episodes. */
export interface Placement {
  itemId: string | null;
  episodeIds: string[];
}

type Show = Extract<Identity, { kind: 'show' }>;

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

function itemData(libraryId: string, identity: Exclude<Identity, { kind: 'unrecognized' }>) {
  return {
    libraryId,
    kind: identity.kind,
    identityKey: identity.key,
    title: identity.title,
    sortTitle: sortTitle(identity.title),
    year: identity.kind === 'video' ? null : identity.year,
    tmdbId: identity.kind === 'video' ? null : (identity.ids.tmdb ?? null),
    tvdbId: identity.kind === 'video' ? null : (identity.ids.tvdb ?? null),
    imdbId: identity.kind === 'video' ? null : (identity.ids.imdb ?? null),
  };
}

/**
 * Finds or creates the item (and season and episodes) of each identity. When several identities
 * need the same new row, the first one in order supplies its fields (title, air date…).
 */
export async function placeIdentities(tx: Tx, libraryId: string, identities: Identity[]): Promise<{ placements: Placement[]; createdItemIds: string[] }> {
  const recognized = identities.filter((i): i is Exclude<Identity, { kind: 'unrecognized' }> => i.kind !== 'unrecognized');
  const itemIds = new Map<string, string>();
  const createdItemIds: string[] = [];
  const keys = unique(recognized.map((i) => i.key));
  if (keys.length > 0) {
    const found = await tx.mediaItem.findMany({ where: { libraryId, identityKey: { in: keys } }, select: { id: true, identityKey: true } });
    for (const r of found) itemIds.set(r.identityKey, r.id);
    const firstOfKey = new Map<string, Exclude<Identity, { kind: 'unrecognized' }>>();
    for (const i of recognized) if (!itemIds.has(i.key) && !firstOfKey.has(i.key)) firstOfKey.set(i.key, i);
    if (firstOfKey.size > 0) {
      const created = await tx.mediaItem.createManyAndReturn({ data: [...firstOfKey.values()].map((i) => itemData(libraryId, i)), select: { id: true, identityKey: true } });
      for (const r of created) {
        itemIds.set(r.identityKey, r.id);
        createdItemIds.push(r.id);
      }
    }
  }

  const shows = recognized.filter((i): i is Show => i.kind === 'show');
  const seasonIds = new Map<string, string>(); // `${showId}|${number in the file names}`
  const seasonNumbers = new Map<string, number>(); // season id → its number (an admin may have renumbered it)
  const episodeIds = new Map<string, string>(); // `${seasonId}|${number}`
  if (shows.length > 0) {
    const showIdOf = (s: Show) => itemIds.get(s.key)!;
    const parsed = unique(shows.map((s) => s.season));
    const seasons = await tx.season.findMany({
      where: { showId: { in: unique(shows.map(showIdOf)) }, OR: [{ number: { in: parsed } }, { fileNumber: { in: parsed } }] },
      select: { id: true, showId: true, number: true, fileNumber: true },
    });
    // A season renumbered by an admin keeps the files named for its old number (fileNumber).
    for (const s of seasons) seasonNumbers.set(s.id, s.number);
    for (const s of seasons) if (s.fileNumber !== null) seasonIds.set(`${s.showId}|${s.fileNumber}`, s.id);
    for (const s of seasons) if (!seasonIds.has(`${s.showId}|${s.number}`)) seasonIds.set(`${s.showId}|${s.number}`, s.id);
    const newSeasons = new Map<string, { showId: string; number: number; title: string }>();
    for (const s of shows) {
      const key = `${showIdOf(s)}|${s.season}`;
      if (!seasonIds.has(key) && !newSeasons.has(key)) newSeasons.set(key, { showId: showIdOf(s), number: s.season, title: s.season === 0 ? 'Specials' : `Season ${s.season}` });
    }
    if (newSeasons.size > 0) {
      const created = await tx.season.createManyAndReturn({ data: [...newSeasons.values()], select: { id: true, showId: true, number: true } });
      for (const s of created) {
        seasonIds.set(`${s.showId}|${s.number}`, s.id);
        seasonNumbers.set(s.id, s.number);
      }
    }

    const seasonIdOf = (s: Show) => seasonIds.get(`${showIdOf(s)}|${s.season}`)!;
    const episodes = await tx.episode.findMany({
      where: { seasonId: { in: unique(shows.map(seasonIdOf)) }, number: { in: unique(shows.flatMap((s) => s.episodes)) } },
      select: { id: true, seasonId: true, number: true },
    });
    for (const e of episodes) episodeIds.set(`${e.seasonId}|${e.number}`, e.id);
    const newEpisodes = new Map<string, { showId: string; seasonId: string; seasonNumber: number; number: number; airDate: string | null; absoluteNumber: number | null }>();
    for (const s of shows) {
      for (const number of s.episodes) {
        const key = `${seasonIdOf(s)}|${number}`;
        if (episodeIds.has(key) || newEpisodes.has(key)) continue;
        newEpisodes.set(key, { showId: showIdOf(s), seasonId: seasonIdOf(s), seasonNumber: seasonNumbers.get(seasonIdOf(s))!, number, airDate: s.airDate, absoluteNumber: s.absolute });
      }
    }
    if (newEpisodes.size > 0) {
      const created = await tx.episode.createManyAndReturn({ data: [...newEpisodes.values()], select: { id: true, seasonId: true, number: true } });
      for (const e of created) episodeIds.set(`${e.seasonId}|${e.number}`, e.id);
    }
  }

  const placements = identities.map((i): Placement => {
    if (i.kind === 'unrecognized') return { itemId: null, episodeIds: [] };
    const itemId = itemIds.get(i.key)!;
    if (i.kind !== 'show') return { itemId, episodeIds: [] };
    const seasonId = seasonIds.get(`${itemId}|${i.season}`)!;
    return { itemId, episodeIds: unique(i.episodes.map((n) => episodeIds.get(`${seasonId}|${n}`)!)) };
  });
  return { placements, createdItemIds };
}

/** Makes the episode links of each file exactly its placement's episodes. `fresh` files have none yet. */
export async function linkEpisodes(tx: Tx, files: { fileId: string; episodeIds: string[]; fresh: boolean }[]): Promise<void> {
  const stale = files.filter((f) => !f.fresh).map((f) => f.fileId);
  if (stale.length > 0) await tx.episodeFile.deleteMany({ where: { fileId: { in: stale } } });
  const links = files.flatMap((f) => f.episodeIds.map((episodeId) => ({ fileId: f.fileId, episodeId })));
  if (links.length > 0) await tx.episodeFile.createMany({ data: links });
}

/** One file (a remote scanner's push): `itemId` is the item it now belongs to (null when unrecognized). */
export async function attachFile(tx: Tx, libraryId: string, fileId: string, identity: Identity): Promise<{ created: boolean; itemId: string | null }> {
  const { placements, createdItemIds } = await placeIdentities(tx, libraryId, [identity]);
  const [{ itemId, episodeIds }] = placements;
  await tx.mediaFile.update({ where: { id: fileId }, data: { itemId } });
  await linkEpisodes(tx, [{ fileId, episodeIds, fresh: false }]);
  return { created: createdItemIds.length > 0, itemId };
}
