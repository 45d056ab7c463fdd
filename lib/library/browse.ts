// Reading the library: paged item lists, an item with its files, a show's seasons, a season's
// episodes, one episode, and title search.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { sortParam } from '@/lib/http/sort-param';
import { sortTitle } from '@/lib/scan/identity';
import { episodeView, fileView, itemView, seasonView } from './media-views';

export const mediaListQuerySchema = z.object({
  /** rating: the provider's community rating, best first (ascending=false) or worst first; unrated items last either way. */
  sort: sortParam(['title', 'year', 'added', 'rating'], 'title'),
  ascending: z.enum(['true', 'false']).default('true'),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
  /** Yours: watched (a show: every episode), unwatched (nothing started), in_progress (started, not finished). */
  watched: z.enum(['watched', 'unwatched', 'in_progress']).optional(),
});

/** The item filter for one user's watched state (movies and videos directly, shows through their episodes). */
function watchedFilter(userId: string, f: 'watched' | 'unwatched' | 'in_progress') {
  const seen = { userId, watched: true };
  const started = { userId, OR: [{ watched: true }, { positionSecs: { not: null } }] };
  const single = { kind: { in: ['movie' as const, 'video' as const] } };
  const show = { kind: 'show' as const };
  if (f === 'watched') return { OR: [{ ...single, watchStates: { some: seen } }, { ...show, episodes: { some: {}, every: { watchStates: { some: seen } } } }] };
  if (f === 'unwatched') return { OR: [{ ...single, watchStates: { none: started } }, { ...show, episodes: { none: { watchStates: { some: started } } } }] };
  return {
    OR: [
      { ...single, watchStates: { some: { userId, watched: false, positionSecs: { not: null } } } },
      { ...show, AND: [{ episodes: { some: { watchStates: { some: started } } } }, { episodes: { some: { watchStates: { none: seen } } } }] },
    ],
  };
}

const episodeInclude = { files: { include: { file: true } } } as const;

export async function listLibraryMedia(libraryId: string, q: z.infer<typeof mediaListQuerySchema>, userId?: string) {
  if (!(await db.library.findUnique({ where: { id: libraryId }, select: { id: true } }))) throw new ApiError('not_found', 'No such library.');
  const dir: 'asc' | 'desc' = q.ascending === 'true' ? 'asc' : 'desc';
  const orderBy = q.sort === 'year'
    ? [{ year: dir }, { sortTitle: 'asc' as const }]
    : q.sort === 'added'
      ? [{ addedAt: dir }]
      : q.sort === 'rating'
        ? [{ rating: { sort: dir, nulls: 'last' as const } }, { sortTitle: 'asc' as const }, { id: 'asc' as const }]
        : [{ sortTitle: dir }];
  const where = { libraryId, ...(q.watched && userId ? watchedFilter(userId, q.watched) : {}) };
  const [total, rows] = await Promise.all([
    db.mediaItem.count({ where }),
    db.mediaItem.findMany({ where, orderBy, skip: (q.page - 1) * q.page_size, take: q.page_size }),
  ]);
  return { items: rows.map(itemView), page: q.page, page_size: q.page_size, total };
}

export async function getMedia(id: string, kind?: 'show') {
  const item = await db.mediaItem.findUnique({ where: { id }, include: { files: true } });
  if (!item || (kind && item.kind !== kind)) throw new ApiError('not_found', kind ? 'No such show.' : 'No such media.');
  return { ...itemView(item), files: item.files.map(fileView) };
}

export async function listSeasons(showId: string) {
  await getMedia(showId, 'show');
  const seasons = await db.season.findMany({ where: { showId }, orderBy: { number: 'asc' }, include: { _count: { select: { episodes: true } } } });
  return seasons.map((s) => seasonView(s));
}

/** A season with its episodes; with a user id, each episode says whether that user watched it. */
export async function getSeason(id: string, userId?: string) {
  const s = await db.season.findUnique({
    where: { id },
    include: { _count: { select: { episodes: true } }, episodes: { orderBy: { number: 'asc' }, include: episodeInclude } },
  });
  if (!s) throw new ApiError('not_found', 'No such season.');
  const watched = userId
    ? new Set((await db.watchState.findMany({ where: { userId, watched: true, episodeId: { in: s.episodes.map((e) => e.id) } }, select: { episodeId: true } })).map((w) => w.episodeId))
    : null;
  return { ...seasonView(s), episodes: s.episodes.map((e) => ({ ...episodeView(e), ...(watched ? { watched: watched.has(e.id) } : {}) })) };
}

export async function getEpisode(id: string) {
  const e = await db.episode.findUnique({ where: { id }, include: episodeInclude });
  if (!e) throw new ApiError('not_found', 'No such episode.');
  return episodeView(e);
}

export const searchQuerySchema = z.object({ q: z.string().trim().min(1).max(200) });

export async function searchMedia(q: string) {
  // sortTitle is the normalised title: match against it so case and punctuation do not matter.
  const needle = sortTitle(q);
  const rows = await db.mediaItem.findMany({ where: { sortTitle: { contains: needle } }, orderBy: { sortTitle: 'asc' }, take: 50 });
  return rows.map(itemView);
}
