// TV Time's clients name shows by TheTVDB id (TV Time keyed its catalog on them); ours are Marquee
// ids. The two never collide: Marquee ids are cuids (letters first), TheTVDB ids are all digits. So an
// all-digit id is a TheTVDB id, and it names the show in Marquee that carries it. Should several
// shows carry it (the same show in two libraries), the one present on disk wins, then the one added
// first — the same show each time. Episodes carry no TheTVDB id here, so they are named by Marquee id.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export const isTvdbId = (id: string) => /^\d{1,12}$/.test(id);

/** The Marquee id of the show an id names (a Marquee id or a TheTVDB id), or a 404. */
export async function resolveShowId(id: string): Promise<string> {
  if (!isTvdbId(id)) return id;
  const show = await db.mediaItem.findFirst({
    where: { kind: 'show', tvdbId: id },
    // 'ok' sorts after 'missing': descending puts shows present on disk first.
    orderBy: [{ status: 'desc' }, { addedAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  if (!show) throw new ApiError('not_found', `No show with TheTVDB id ${id}.`);
  return show.id;
}

/** The Marquee id of an episode; TheTVDB episode ids are not known here, so they are a 404 that says so. */
export function resolveEpisodeId(id: string): string {
  if (isTvdbId(id)) throw new ApiError('not_found', `Episodes are named by their Marquee id here (TheTVDB episode id ${id} is not known); GET /tvtime/show/:id lists them.`);
  return id;
}
