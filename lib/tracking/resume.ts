// Resume points and the watched rule, per user, on the movie, video or episode (never the file):
// a point between 5 % and 90 % is kept; at 90 % or more the item is watched, its play count goes
// up once per viewing, and the point is cleared.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { mediaInfoSchema } from '@/lib/media/media-info';
import { notify } from '@/lib/events/events';
import { playbackProgressed } from './tracking-events';
import { recordViewing } from './watched';
import { inWatchTransaction } from './write-watch-state';

export const RESUME_MIN = 0.05;
export const WATCHED_AT = 0.9;

export type PositionTarget = { itemId: string | null; episodeId: string | null; duration: number };
type Target = PositionTarget;

/** What a position is kept on: the item or episode (a file id maps to its own), with its length. */
async function resolveTarget(mediaId: string): Promise<Target> {
  const fileSelect = { mediaInfo: true } as const;
  const duration = (files: { mediaInfo: unknown }[]) => {
    for (const f of files) {
      const info = mediaInfoSchema.safeParse(f.mediaInfo);
      if (info.success && info.data.duration) return info.data.duration;
    }
    return null;
  };
  const item = await db.mediaItem.findUnique({ where: { id: mediaId }, select: { kind: true, files: { select: fileSelect, where: { status: 'ok' } } } });
  if (item && item.kind !== 'show') {
    const d = duration(item.files);
    if (d) return { itemId: mediaId, episodeId: null, duration: d };
  }
  const episode = await db.episode.findUnique({ where: { id: mediaId }, select: { files: { select: { file: { select: fileSelect } }, where: { file: { status: 'ok' } } } } });
  if (episode) {
    const d = duration(episode.files.map((f) => f.file));
    if (d) return { itemId: null, episodeId: mediaId, duration: d };
  }
  const file = await db.mediaFile.findUnique({ where: { id: mediaId }, select: { itemId: true, mediaInfo: true, status: true, episodes: { select: { episodeId: true }, take: 1 } } });
  if (file && file.status === 'ok') {
    const d = duration([file]);
    if (d && file.episodes[0]) return { itemId: null, episodeId: file.episodes[0].episodeId, duration: d };
    if (d && file.itemId) return { itemId: file.itemId, episodeId: null, duration: d };
  }
  throw new ApiError('not_found', 'No streamable movie, video or episode with this id.');
}

function where(userId: string, t: Target) {
  return t.episodeId ? { userId_episodeId: { userId, episodeId: t.episodeId } } : { userId_itemId: { userId, itemId: t.itemId! } };
}

function view(state: { positionSecs: number | null; watched: boolean; playCount: number } | null) {
  return { secs_offset: state?.positionSecs ?? 0, watched: state?.watched ?? false, play_count: state?.playCount ?? 0 };
}

export async function getStoppedAt(userId: string, mediaId: string) {
  const t = await resolveTarget(mediaId);
  return view(await db.watchState.findUnique({ where: where(userId, t) }));
}

export type PlayerState = 'playing' | 'paused' | 'stopped';

export async function saveStoppedAt(userId: string, mediaId: string, secs: number, state: PlayerState = 'playing') {
  return savePosition(userId, await resolveTarget(mediaId), secs, state);
}

/**
 * The one rule for a reported position, whoever reports it (our player, or another one through
 * lib/scrobble with the length it knows): under 5 % no resume point, 5–90 % a resume point, 90 % or
 * more watched (once per viewing). `state` becomes Trakt's scrobble start or pause.
 */
export async function savePosition(userId: string, t: Target, secs: number, state: PlayerState = 'playing') {
  const key = where(userId, t);
  const fraction = Math.min(secs / t.duration, 1);
  const before = await db.watchState.findUnique({ where: key });
  const now = new Date();
  if (fraction >= WATCHED_AT) {
    // One viewing counts once: a second save past 90 % without a resume point in between does not.
    // The viewing reaches Trakt through the outbox as a scrobble stop (its play on Trakt's side).
    const newViewing = !before || !before.watched || before.positionSecs !== null;
    if (newViewing) return view(await recordViewing(userId, t, now, fraction * 100));
    return view(before);
  }
  // Trakt's scrobble start / pause (a hint: the worker sends it when the user is linked).
  notify(playbackProgressed, { userId, itemId: t.itemId, episodeId: t.episodeId, progress: fraction * 100, state });
  const positionSecs = fraction >= RESUME_MIN ? secs : null;
  // A resume point changes no watched flag: one statement, no ShowWatch rows to rewrite.
  const saved = await inWatchTransaction({ showIds: [] }, (tx) =>
    tx.watchState.upsert({ where: key, create: { userId, itemId: t.itemId, episodeId: t.episodeId, positionSecs }, update: { positionSecs } }),
  );
  return view(saved);
}
