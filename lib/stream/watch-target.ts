// What the player page needs to know about an id before it plays: a title to show, where "back"
// goes, and (for an episode) the next episode to count down to.
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export type WatchTarget = {
  id: string;
  kind: 'movie' | 'video' | 'episode';
  title: string;
  subtitle: string | null;
  backHref: string;
  next: { id: string; title: string } | null;
};

const pad = (n: number) => String(n).padStart(2, '0');

export async function getWatchTarget(id: string): Promise<WatchTarget> {
  const item = await db.mediaItem.findUnique({ where: { id }, select: { id: true, kind: true, title: true, year: true } });
  if (item && item.kind !== 'show') {
    return { id, kind: item.kind, title: item.title, subtitle: item.year ? String(item.year) : null, backHref: `/media/${encodeURIComponent(id)}`, next: null };
  }
  const ep = await db.episode.findUnique({
    where: { id },
    select: { id: true, seasonNumber: true, number: true, title: true, showId: true, seasonId: true, show: { select: { title: true } } },
  });
  if (!ep) throw new ApiError('not_found', 'Nothing playable with this id.');
  const next = await db.episode.findFirst({
    where: {
      showId: ep.showId,
      files: { some: { file: { status: 'ok' } } },
      OR: [{ seasonNumber: ep.seasonNumber, number: { gt: ep.number } }, { seasonNumber: { gt: ep.seasonNumber } }],
    },
    orderBy: [{ seasonNumber: 'asc' }, { number: 'asc' }],
    select: { id: true, seasonNumber: true, number: true, title: true },
  });
  const code = (s: number, e: number) => `S${pad(s)}E${pad(e)}`;
  return {
    id,
    kind: 'episode',
    title: ep.show.title,
    subtitle: `${code(ep.seasonNumber, ep.number)}${ep.title ? ` · ${ep.title}` : ''}`,
    backHref: `/season/${encodeURIComponent(ep.seasonId)}`,
    next: next ? { id: next.id, title: `${code(next.seasonNumber, next.number)}${next.title ? ` · ${next.title}` : ''}` } : null,
  };
}
