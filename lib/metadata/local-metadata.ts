// applyLocalMetadata: one item's identification and artwork. Reads the NFO sidecars next to its
// files (movie.nfo / <name>.nfo, tvshow.nfo, episode <name>.nfo), else a movie's or video's
// container tags; when an online provider is configured, matches the item there (online/identify.ts)
// and fills what the NFO does not give (online/online-patch.ts), episodes and cast included. Artwork:
// local files, else the provider's, else a grabbed frame. Writes only what changed and never a
// locked field. Run again with nothing changed on disk, it does no ffmpeg work.
import { basename, dirname, join } from 'node:path';
import { db } from '@/lib/db';
import { mediaInfoSchema, type MediaTags } from '@/lib/media/media-info';
import { episodePatchFromNfo, isLocked, itemPatchFromNfo, itemPatchFromTags, nfoMatchesEpisode, parseLockedFields, type EpisodePatch, type ItemPatch } from './apply-nfo';
import { findNfo } from './find-nfo';
import { episodeThumb, movieArtwork, seasonPoster, showArtwork, withRemote, type ItemArtwork, type Listing, type RemoteArt, type VideoSource } from './item-artwork';
import { isInside, showFolder, titleEntries } from './item-folders';
import { parseNfo, type NfoKind, type NfoMetadata } from './nfo';
import { createArtworkStore, type ArtworkDeps, type ArtworkStats } from './store-artwork';
import { identify, type MatchInfo } from './online/identify';
import { episodePatchFromOnline, itemPatchFromOnline, nfoEpisodeFields, nfoItemFields } from './online/online-patch';
import type { OnlineDetails, OnlineProvider } from './online/provider';
import { saveCredits } from './online/save-credits';
import { catalogChanged } from '@/lib/list-cache/list-cache';

export interface LocalMetadataDeps extends ArtworkDeps {
  /** Names in a folder; [] when it cannot be read. */
  listDir(dir: string): Promise<string[]>;
  /** A text file's content; null when it cannot be read. */
  readText(path: string): Promise<string | null>;
  /** The online metadata provider (TMDB), when one is configured. */
  online?: OnlineProvider | null;
}

export interface LocalMetadataOptions {
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => Promise<void> | void;
}

export type LocalMetadataResult = {
  item_id: string;
  /** False when the item was removed before the job ran. */
  found: boolean;
  /** NFO files applied (item and episodes). */
  nfo_files: number;
  /** Rows written: the item, seasons and episodes whose fields or images changed. */
  rows_updated: number;
  images: ArtworkStats;
  /** What the online provider said: matched, unmatched, manual; or why it could not be asked. */
  online: string | null;
};

type FileRow = { path: string; size: bigint; mtimeMs: bigint; mediaInfo: unknown };
type VideoFile = VideoSource & { name: string; tags: MediaTags | null };

function videoOf(f: FileRow): VideoFile {
  const info = mediaInfoSchema.safeParse(f.mediaInfo);
  return {
    path: f.path,
    name: basename(f.path),
    size: Number(f.size),
    mtimeMs: Number(f.mtimeMs),
    duration: info.success ? info.data.duration : null,
    // Unreadable facts: try a grab anyway.
    hasVideo: info.success ? info.data.video.length > 0 : true,
    tags: info.success ? info.data.tags : null,
  };
}

const fileSelect = { path: true, size: true, mtimeMs: true, mediaInfo: true } as const;
const presentLocal = { status: 'ok', origin: 'local' } as const;

/** The same match explanation, whenever it was made. */
function sameMatchInfo(stored: string | null, info: MatchInfo): boolean {
  if (!stored) return false;
  try {
    const { at: _before, ...was } = JSON.parse(stored) as MatchInfo;
    const { at: _now, ...now } = info;
    return JSON.stringify(was) === JSON.stringify(now);
  } catch {
    return false;
  }
}

/** Seasons and episodes the provider knows and we do not, added as `missing`; returns how many episodes. */
async function addMissingEpisodes(showId: string, online: OnlineDetails): Promise<number> {
  let added = 0;
  for (const s of online.seasons) {
    const season = await db.season.upsert({
      where: { showId_number: { showId, number: s.number } },
      create: { showId, number: s.number, title: s.title ?? (s.number === 0 ? 'Specials' : `Season ${s.number}`), status: 'missing' },
      update: {},
      select: { id: true },
    });
    const have = new Set((await db.episode.findMany({ where: { seasonId: season.id }, select: { number: true } })).map((e) => e.number));
    const fresh = s.episodes.filter((e) => !have.has(e.number));
    if (fresh.length === 0) continue;
    await db.episode.createMany({
      data: fresh.map((e) => ({ showId, seasonId: season.id, seasonNumber: s.number, number: e.number, title: e.title, overview: e.overview, airDate: e.airDate, status: 'missing' as const, missingSince: new Date() })),
    });
    added += fresh.length;
  }
  return added;
}

export async function applyLocalMetadata(itemId: string, deps: LocalMetadataDeps, opts: LocalMetadataOptions = {}): Promise<LocalMetadataResult> {
  const store = createArtworkStore(deps);
  const result: LocalMetadataResult = { item_id: itemId, found: false, nfo_files: 0, rows_updated: 0, images: store.stats, online: null };
  const item = await db.mediaItem.findUnique({
    where: { id: itemId },
    select: {
      id: true, kind: true, title: true, year: true, overview: true, rating: true, tmdbId: true, tvdbId: true, imdbId: true, matchStatus: true, matchInfo: true, genres: true,
      posterPath: true, backdropPath: true, lockedFields: true, library: { select: { folders: { select: { path: true } } } },
      files: { where: presentLocal, orderBy: { path: 'asc' }, select: fileSelect },
    },
  });
  if (!item) return result;
  result.found = true;
  // The library folder a file is in (a library may have several): where "the library's root" is.
  const rootOf = (file: string) => item.library.folders.map((f) => f.path).find((root) => root === file || isInside(root, file)) ?? dirname(file);

  const listings = new Map<string, Promise<Listing>>();
  const listing = (folder: string) => {
    let pending = listings.get(folder);
    if (!pending) listings.set(folder, (pending = deps.listDir(folder).then((entries) => ({ folder, entries }))));
    return pending;
  };
  const readNfo = async (folder: string, name: string | null, kind: NfoKind): Promise<NfoMetadata | null> => {
    if (!name) return null;
    const text = await deps.readText(join(folder, name));
    const nfo = text === null ? null : parseNfo(text);
    if (nfo?.kind !== kind) return null;
    result.nfo_files++;
    return nfo;
  };

  const locked = parseLockedFields(item.lockedFields);
  let patch: ItemPatch = {};
  let art: ItemArtwork = { poster: [], backdrop: [] };
  const matchData: { matchStatus?: string; matchInfo?: string; genres?: string } = {};
  let details: OnlineDetails | null = null;
  const remote = (path: string | null): RemoteArt | null => (path && deps.online ? { type: 'remote', key: `${deps.online.name}:${path}`, load: () => deps.online!.image(path) } : null);

  /** Asks the online provider which record this is and merges its fields under the NFO's (item kinds movie and show). */
  const identifyOnline = async (nfo: NfoMetadata | null) => {
    if (!deps.online || item.kind === 'video') return;
    const known = { ...item, ...patch };
    try {
      const found = await identify({ kind: item.kind, title: item.title, year: known.year, tmdbId: known.tmdbId, tvdbId: known.tvdbId, imdbId: known.imdbId, matchStatus: item.matchStatus }, deps.online);
      details = found.details;
      result.online = found.status;
      // Only a different answer is written (the explanation's time alone is not news).
      if (found.status !== item.matchStatus || !sameMatchInfo(item.matchInfo, found.info)) {
        matchData.matchStatus = found.status;
        matchData.matchInfo = JSON.stringify(found.info);
      }
      if (details) {
        patch = { ...patch, ...itemPatchFromOnline(details, known, locked, nfoItemFields(nfo)) };
        const genres = JSON.stringify(details.genres);
        if (genres !== item.genres) matchData.genres = genres;
      }
    } catch (err) {
      // Local metadata stands; the provider is asked again on the next refresh.
      result.online = `provider error: ${err instanceof Error ? err.message : String(err)}`;
    }
  };

  if (item.kind === 'show') {
    await opts.progress?.(0, 'reading the show folder');
    const loadEpisodes = () =>
      db.episode.findMany({
        where: { showId: item.id },
        // Specials last: the show's fallback frame comes from its first regular episode.
        orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }],
        select: {
          id: true, seasonNumber: true, number: true, title: true, overview: true, airDate: true, thumbPath: true, lockedFields: true,
          files: { where: { file: presentLocal }, select: { file: { select: fileSelect } } },
        },
      });
    let episodes = await loadEpisodes();
    const episodeFiles = (e: (typeof episodes)[number]) => e.files.map((f) => f.file).sort((a, b) => a.path.localeCompare(b.path));
    const episodesPerFile = new Map<string, number>();
    for (const e of episodes) for (const f of e.files) episodesPerFile.set(f.file.path, (episodesPerFile.get(f.file.path) ?? 0) + 1);
    const showFiles = [...episodesPerFile.keys()];
    const showDir = showFiles.length > 0 ? showFolder(showFiles, rootOf(showFiles[0])) : null;
    const show = showDir ? await listing(showDir) : null;

    const nfo = show ? await readNfo(show.folder, findNfo(show.entries, null, 'tvshow'), 'tvshow') : null;
    if (nfo) patch = itemPatchFromNfo(nfo, item, locked);
    await identifyOnline(nfo);
    const online = details as OnlineDetails | null;
    const onlineSeason = (n: number) => online?.seasons.find((x) => x.number === n) ?? null;
    // A show known only from metadata (followed from the catalog, no files): its seasons and
    // episodes come from the provider, `missing` until files arrive.
    if (online && episodesPerFile.size === 0 && (await addMissingEpisodes(item.id, online)) > 0) episodes = await loadEpisodes();
    const first = [...episodes.filter((e) => e.seasonNumber > 0), ...episodes.filter((e) => e.seasonNumber === 0)].find((e) => e.files.length > 0);
    art = showArtwork(show, first ? videoOf(episodeFiles(first)[0]) : null);

    // Seasons: a poster (local first, else the provider's) and the provider's overview, unless edited (locked).
    const seasons = await db.season.findMany({ where: { showId: item.id }, select: { id: true, number: true, overview: true, posterPath: true, lockedFields: true } });
    for (const season of seasons) {
      const seasonLocked = parseLockedFields(season.lockedFields);
      const seasonData: { posterPath?: string; overview?: string } = {};
      const overview = onlineSeason(season.number)?.overview;
      if (overview && overview !== season.overview && !isLocked(seasonLocked, 'overview')) seasonData.overview = overview;
      if (!isLocked(seasonLocked, 'posterPath')) {
        const folders = [...new Set(episodes.filter((e) => e.seasonNumber === season.number).flatMap((e) => e.files.map((f) => dirname(f.file.path))))];
        const local = seasonPoster(season.number, show, await Promise.all(folders.map(listing)));
        const key = await store.ensure(withRemote(local, remote(onlineSeason(season.number)?.poster ?? null)), 'poster', season.posterPath);
        if (key && key !== season.posterPath) seasonData.posterPath = key;
      }
      if (Object.keys(seasonData).length > 0) {
        await db.season.update({ where: { id: season.id }, data: seasonData });
        result.rows_updated++;
      }
    }

    // Episodes: their NFO and a thumb each.
    for (const [i, episode] of episodes.entries()) {
      opts.signal?.throwIfAborted();
      const file = episodeFiles(episode)[0];
      const onlineEp = onlineSeason(episode.seasonNumber)?.episodes.find((e) => e.number === episode.number) ?? null;
      if (!file && !onlineEp) continue;
      await opts.progress?.(i / episodes.length, `episode ${i + 1} of ${episodes.length}`);
      const video = file ? videoOf(file) : null;
      const folder = file ? await listing(dirname(file.path)) : null;
      const epLocked = parseLockedFields(episode.lockedFields);
      const epNfo = folder && video ? await readNfo(folder.folder, findNfo(folder.entries, video.name, 'episodedetails'), 'episodedetails') : null;
      const matches = epNfo && file && nfoMatchesEpisode(epNfo, episode.seasonNumber, episode.number, episodesPerFile.get(file.path) ?? 1) ? epNfo : null;
      const data: EpisodePatch & { thumbPath?: string } = matches ? episodePatchFromNfo(matches, episode, epLocked) : {};
      if (onlineEp) Object.assign(data, episodePatchFromOnline(onlineEp, { ...episode, ...data }, epLocked, nfoEpisodeFields(matches)));
      if (!isLocked(epLocked, 'thumbPath')) {
        const local = folder && video ? episodeThumb(folder, video, video.name) : [];
        const key = await store.ensure(withRemote(local, remote(onlineEp?.still ?? null)), 'thumb', episode.thumbPath);
        if (key && key !== episode.thumbPath) data.thumbPath = key;
      }
      if (Object.keys(data).length > 0) {
        await db.episode.update({ where: { id: episode.id }, data });
        result.rows_updated++;
      }
    }
  } else {
    const file = item.files[0];
    if (file) {
      const video = videoOf(file);
      const folder = dirname(file.path);
      const all = await listing(folder);
      const own: Listing = { folder, entries: titleEntries(all.entries, video.name, { folder, libraryRoot: rootOf(file.path), kind: item.kind }) };
      const nfo = await readNfo(folder, findNfo(own.entries, video.name, 'movie'), 'movie');
      patch = nfo ? itemPatchFromNfo(nfo, item, locked) : video.tags ? itemPatchFromTags(video.tags, item.kind, video.name, item, locked) : {};
      art = movieArtwork(own, video, video.name);
      await identifyOnline(nfo);
    }
  }
  const online = details as OnlineDetails | null;
  art = { poster: withRemote(art.poster, remote(online?.poster ?? null)), backdrop: withRemote(art.backdrop, remote(online?.backdrop ?? null)) };

  opts.signal?.throwIfAborted();
  const data: ItemPatch & { posterPath?: string; backdropPath?: string; matchStatus?: string; matchInfo?: string; genres?: string } = { ...patch, ...matchData };
  if (!isLocked(locked, 'posterPath')) {
    const key = await store.ensure(art.poster, 'poster', item.posterPath);
    if (key && key !== item.posterPath) data.posterPath = key;
  }
  if (!isLocked(locked, 'backdropPath')) {
    const key = await store.ensure(art.backdrop, 'backdrop', item.backdropPath);
    if (key && key !== item.backdropPath) data.backdropPath = key;
  }
  if (Object.keys(data).length > 0) {
    await db.mediaItem.update({ where: { id: item.id }, data });
    result.rows_updated++;
  }
  if (online) await saveCredits(item.id, online, store, remote);
  // Items, seasons, episodes (new ones included: an online match adds the missing episodes).
  catalogChanged();
  await opts.progress?.(1, 'done');
  return result;
}
