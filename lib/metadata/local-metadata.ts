// applyLocalMetadata: one item's local identification and artwork. Reads the NFO sidecars next to
// its files (movie.nfo / <name>.nfo, tvshow.nfo, episode <name>.nfo), else a movie's or video's
// container tags; picks local artwork, else grabs a frame; writes only what changed and never a
// locked field. Run again with nothing changed on disk, it reads a few folders and does no ffmpeg work.
import { basename, dirname, join } from 'node:path';
import { db } from '@/lib/db';
import { mediaInfoSchema, type MediaTags } from '@/lib/media/media-info';
import { episodePatchFromNfo, isLocked, itemPatchFromNfo, itemPatchFromTags, nfoMatchesEpisode, parseLockedFields, type EpisodePatch, type ItemPatch } from './apply-nfo';
import { findNfo } from './find-nfo';
import { episodeThumb, movieArtwork, seasonPoster, showArtwork, type ItemArtwork, type Listing, type VideoSource } from './item-artwork';
import { showFolder, titleEntries } from './item-folders';
import { parseNfo, type NfoKind, type NfoMetadata } from './nfo';
import { createArtworkStore, type ArtworkDeps, type ArtworkStats } from './store-artwork';

export interface LocalMetadataDeps extends ArtworkDeps {
  /** Names in a folder; [] when it cannot be read. */
  listDir(dir: string): Promise<string[]>;
  /** A text file's content; null when it cannot be read. */
  readText(path: string): Promise<string | null>;
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

export async function applyLocalMetadata(itemId: string, deps: LocalMetadataDeps, opts: LocalMetadataOptions = {}): Promise<LocalMetadataResult> {
  const store = createArtworkStore(deps);
  const result: LocalMetadataResult = { item_id: itemId, found: false, nfo_files: 0, rows_updated: 0, images: store.stats };
  const item = await db.mediaItem.findUnique({
    where: { id: itemId },
    select: {
      id: true, kind: true, title: true, year: true, overview: true, tmdbId: true, tvdbId: true, imdbId: true,
      posterPath: true, backdropPath: true, lockedFields: true, library: { select: { path: true } },
      files: { where: presentLocal, orderBy: { path: 'asc' }, select: fileSelect },
    },
  });
  if (!item) return result;
  result.found = true;

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

  if (item.kind === 'show') {
    await opts.progress?.(0, 'reading the show folder');
    const episodes = await db.episode.findMany({
      where: { showId: item.id },
      // Specials last: the show's fallback frame comes from its first regular episode.
      orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }],
      select: {
        id: true, seasonNumber: true, number: true, title: true, overview: true, airDate: true, thumbPath: true, lockedFields: true,
        files: { where: { file: presentLocal }, select: { file: { select: fileSelect } } },
      },
    });
    const episodeFiles = (e: (typeof episodes)[number]) => e.files.map((f) => f.file).sort((a, b) => a.path.localeCompare(b.path));
    const episodesPerFile = new Map<string, number>();
    for (const e of episodes) for (const f of e.files) episodesPerFile.set(f.file.path, (episodesPerFile.get(f.file.path) ?? 0) + 1);
    const showDir = showFolder([...episodesPerFile.keys()], item.library.path);
    const show = showDir ? await listing(showDir) : null;

    const nfo = show ? await readNfo(show.folder, findNfo(show.entries, null, 'tvshow'), 'tvshow') : null;
    if (nfo) patch = itemPatchFromNfo(nfo, item, locked);
    const first = [...episodes.filter((e) => e.seasonNumber > 0), ...episodes.filter((e) => e.seasonNumber === 0)].find((e) => e.files.length > 0);
    art = showArtwork(show, first ? videoOf(episodeFiles(first)[0]) : null);

    // Seasons: local posters only.
    const seasons = await db.season.findMany({ where: { showId: item.id }, select: { id: true, number: true, posterPath: true, lockedFields: true } });
    for (const season of seasons) {
      if (isLocked(parseLockedFields(season.lockedFields), 'posterPath')) continue;
      const folders = [...new Set(episodes.filter((e) => e.seasonNumber === season.number).flatMap((e) => e.files.map((f) => dirname(f.file.path))))];
      const key = await store.ensure(seasonPoster(season.number, show, await Promise.all(folders.map(listing))), 'poster', season.posterPath);
      if (key && key !== season.posterPath) {
        await db.season.update({ where: { id: season.id }, data: { posterPath: key } });
        result.rows_updated++;
      }
    }

    // Episodes: their NFO and a thumb each.
    for (const [i, episode] of episodes.entries()) {
      opts.signal?.throwIfAborted();
      const file = episodeFiles(episode)[0];
      if (!file) continue;
      await opts.progress?.(i / episodes.length, `episode ${i + 1} of ${episodes.length}`);
      const video = videoOf(file);
      const folder = await listing(dirname(file.path));
      const epLocked = parseLockedFields(episode.lockedFields);
      const epNfo = await readNfo(folder.folder, findNfo(folder.entries, video.name, 'episodedetails'), 'episodedetails');
      const matches = epNfo && nfoMatchesEpisode(epNfo, episode.seasonNumber, episode.number, episodesPerFile.get(file.path) ?? 1);
      const data: EpisodePatch & { thumbPath?: string } = matches ? episodePatchFromNfo(epNfo, episode, epLocked) : {};
      if (!isLocked(epLocked, 'thumbPath')) {
        const key = await store.ensure(episodeThumb(folder, video, video.name), 'thumb', episode.thumbPath);
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
      const own: Listing = { folder, entries: titleEntries(all.entries, video.name, { folder, libraryRoot: item.library.path, kind: item.kind }) };
      const nfo = await readNfo(folder, findNfo(own.entries, video.name, 'movie'), 'movie');
      patch = nfo ? itemPatchFromNfo(nfo, item, locked) : video.tags ? itemPatchFromTags(video.tags, item.kind, video.name, item, locked) : {};
      art = movieArtwork(own, video, video.name);
    }
  }

  opts.signal?.throwIfAborted();
  const data: ItemPatch & { posterPath?: string; backdropPath?: string } = { ...patch };
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
  await opts.progress?.(1, 'done');
  return result;
}
