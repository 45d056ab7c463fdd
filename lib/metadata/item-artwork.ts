// Where an item's pictures come from, best first: local artwork files (pickLocalArtwork's names),
// then a frame grabbed at a tenth of the video. Pure: folder listings in, candidate sources out;
// store-artwork.ts turns the first candidate that works into stored WebP variants.
import { join } from 'node:path';
import { defaultFrameTime } from '@/lib/media/frame-grab';
import { pickLocalArtwork } from './local-artwork';

/** A video file as the scan stored it (size and mtime identify its content for the image key). */
export type VideoSource = { path: string; size: number; mtimeMs: number; duration: number | null; hasVideo: boolean };

/** A picture from an online provider: `key` names it (provider and path), `load` downloads it. */
export type RemoteArt = { type: 'remote'; key: string; load: () => Promise<Buffer> };

export type ArtSource = { type: 'file'; path: string } | RemoteArt | { type: 'frame'; video: VideoSource; at: number };

/** Local files first, then the online picture, then frames: a user's own artwork beats the provider's. */
export function withRemote(candidates: readonly ArtSource[], remote: RemoteArt | null): ArtSource[] {
  if (!remote) return [...candidates];
  const firstFrame = candidates.findIndex((c) => c.type === 'frame');
  const at = firstFrame === -1 ? candidates.length : firstFrame;
  return [...candidates.slice(0, at), remote, ...candidates.slice(at)];
}

/** A folder and the names in it. */
export type Listing = { folder: string; entries: readonly string[] };

export type ItemArtwork = { poster: ArtSource[]; backdrop: ArtSource[] };

function local(folder: string, name: string | null): ArtSource[] {
  return name ? [{ type: 'file', path: join(folder, name) }] : [];
}

/** A still at defaultFrameTime of the video; nothing for a file without a video stream. */
export function frameSource(video: VideoSource | null): ArtSource[] {
  return video?.hasVideo ? [{ type: 'frame', video, at: defaultFrameTime(video.duration) }] : [];
}

/** A movie or video: its folder's (or its own) poster and backdrop, else a frame of its first file. */
export function movieArtwork(listing: Listing, video: VideoSource, fileName: string): ItemArtwork {
  const art = pickLocalArtwork(listing.entries, fileName, 'movie');
  const frame = frameSource(video);
  return { poster: [...local(listing.folder, art.poster), ...frame], backdrop: [...local(listing.folder, art.backdrop), ...frame] };
}

/** A show: its folder's poster and backdrop, else a frame of its first episode. */
export function showArtwork(show: Listing | null, firstVideo: VideoSource | null): ItemArtwork {
  const art = show ? pickLocalArtwork(show.entries, null, 'show') : null;
  const frame = frameSource(firstVideo);
  return {
    poster: [...(show ? local(show.folder, art!.poster) : []), ...frame],
    backdrop: [...(show ? local(show.folder, art!.backdrop) : []), ...frame],
  };
}

/**
 * A season's poster: `seasonNN-poster.jpg` in the show's folder, else the season folder's own
 * poster (poster/folder/cover.jpg, or its seasonNN-poster.jpg). No frame: the UI falls back to the show's.
 */
export function seasonPoster(season: number, show: Listing | null, seasonFolders: readonly Listing[]): ArtSource[] {
  const fromShow = show ? pickLocalArtwork(show.entries, null, 'show').seasonPosters.find((p) => p.season === season) : undefined;
  const out: ArtSource[] = fromShow ? local(show!.folder, fromShow.file) : [];
  for (const listing of seasonFolders) {
    if (show && listing.folder === show.folder) continue; // a show folder's poster.jpg is the show's
    const art = pickLocalArtwork(listing.entries, null, 'season');
    out.push(...local(listing.folder, art.poster), ...local(listing.folder, art.seasonPosters.find((p) => p.season === season)?.file ?? null));
  }
  return out;
}

/** An episode's thumb: `<name>-thumb.jpg` (or `<name>.jpg`) beside its file, else a frame of it. */
export function episodeThumb(listing: Listing, video: VideoSource, fileName: string): ArtSource[] {
  return [...local(listing.folder, pickLocalArtwork(listing.entries, fileName, 'episode').thumb), ...frameSource(video)];
}
