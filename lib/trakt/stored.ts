// What the last pulls stored of a user's Trakt account, in the old Trakt service's shapes: pages of
// watched movies and shows (default page size 5) and one show's seasons and episodes.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { imageUrl } from '@/lib/media/image-key';

const seasonsSchema = z.array(z.object({ number: z.number(), episodes: z.array(z.object({ number: z.number(), plays: z.number(), last_watched_at: z.string().nullish() })) }));

async function storedPage(userId: string, kind: 'movie' | 'show', page: number, pageSize: number) {
  const where = { userId, kind, plays: { gt: 0 } };
  const [total, rows] = await Promise.all([
    db.traktItem.count({ where }),
    db.traktItem.findMany({ where, orderBy: [{ lastWatchedAt: 'desc' }, { id: 'asc' }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const posters = new Map(
    (await db.mediaItem.findMany({ where: { id: { in: rows.flatMap((r) => (r.itemId ? [r.itemId] : [])) } }, select: { id: true, posterPath: true } })).map((m) => [m.id, m.posterPath]),
  );
  const items = rows.map((r) => ({
    trakt_id: r.traktId, title: r.title, year: r.year, ids: JSON.parse(r.ids) as Record<string, unknown>, plays: r.plays,
    last_watched_at: r.lastWatchedAt?.toISOString() ?? null, rating: r.rating, media_id: r.itemId, image_url: r.itemId ? imageUrl(posters.get(r.itemId) ?? null) : null,
  }));
  return { page, page_size: pageSize, total_items: total, total_pages: Math.ceil(total / pageSize), items };
}

export async function storedMovies(userId: string, page: number, pageSize: number) {
  const { items, ...rest } = await storedPage(userId, 'movie', page, pageSize);
  return { ...rest, movies: items };
}

export async function storedShows(userId: string, page: number, pageSize: number) {
  const { items, ...rest } = await storedPage(userId, 'show', page, pageSize);
  return { ...rest, shows: items };
}

/** One watched show's seasons and episodes, with ours (title, still, overview) when it is in a library. */
export async function watchedSeasonsEpisodes(userId: string, traktId: number) {
  const row = await db.traktItem.findUnique({ where: { userId_kind_traktId: { userId, kind: 'show', traktId } } });
  if (!row) throw new ApiError('not_found', 'No show with this trakt_id in your Trakt history (sync first?).');
  const seasons = seasonsSchema.parse(JSON.parse(row.seasons ?? '[]'));
  const episodes = row.itemId ? await db.episode.findMany({ where: { showId: row.itemId }, select: { seasonNumber: true, number: true, title: true, overview: true, thumbPath: true } }) : [];
  const ours = new Map(episodes.map((e) => [`${e.seasonNumber}:${e.number}`, e]));
  const aired = new Map<number, number>();
  for (const e of episodes) aired.set(e.seasonNumber, (aired.get(e.seasonNumber) ?? 0) + 1);
  return {
    trakt_id: row.traktId, title: row.title, media_id: row.itemId,
    seasons: seasons.map((s) => ({
      number: s.number,
      progress: aired.get(s.number) ? Math.min(1, s.episodes.length / aired.get(s.number)!) : null,
      episodes: s.episodes.map((e) => {
        const mine = ours.get(`${s.number}:${e.number}`);
        return {
          number: e.number, plays: e.plays, last_watched_at: e.last_watched_at ?? null,
          title: mine?.title ?? null, overview: mine?.overview ?? null, image_url: imageUrl(mine?.thumbPath ?? null), rating: null,
        };
      }),
    })),
  };
}
