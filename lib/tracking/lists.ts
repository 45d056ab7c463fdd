// The tracking lists of one user: followed shows with progress, continue watching, next up,
// history and the upcoming-episodes calendar. Everything is scoped to the caller's user id.
import { db, queryRows, sql } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';
import { showProgress } from '@/lib/tracking/show-progress';

type EpisodeRow = { id: string; showId: string; seasonNumber: number; number: number; title: string | null; airDate: string | null; thumbPath: string | null };

function episodeRef(e: EpisodeRow, showTitle?: string) {
  return {
    id: e.id,
    show_id: e.showId,
    ...(showTitle === undefined ? {} : { show_title: showTitle }),
    season_number: e.seasonNumber,
    number: e.number,
    title: e.title,
    air_date: e.airDate,
    thumb_url: imageUrl(e.thumbPath),
  };
}

const episodeSelect = { id: true, showId: true, seasonNumber: true, number: true, title: true, airDate: true, thumbPath: true } as const;

export async function trackedShows(userId: string) {
  const shows = await showProgress(userId, 'followed');
  return shows
    .map((p) => ({
      id: p.id,
      title: p.title,
      year: p.year,
      poster_url: imageUrl(p.posterPath),
      watched: p.watched,
      aired: p.aired,
      next_episode: p.next ? episodeRef(p.next) : null,
      last_watched_at: p.last?.toISOString() ?? null,
      followed_at: (p.followedAt ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => (b.last_watched_at ?? b.followed_at).localeCompare(a.last_watched_at ?? a.followed_at));
}

/** Movies, videos and episodes with a resume point, most recent first. */
export async function continueWatching(userId: string, limit = 20) {
  const states = await db.watchState.findMany({
    where: { userId, positionSecs: { not: null } },
    orderBy: { updatedAt: 'desc' },
    take: limit,
    select: {
      positionSecs: true,
      updatedAt: true,
      item: { select: { id: true, kind: true, title: true, posterPath: true, files: { select: { mediaInfo: true }, take: 1 } } },
      episode: { select: { ...episodeSelect, show: { select: { title: true, posterPath: true } }, files: { select: { file: { select: { mediaInfo: true } } }, take: 1 } } },
    },
  });
  const duration = (info: unknown) => ((info as { duration?: number } | null)?.duration ?? null);
  return states.map((s) => {
    const d = s.item ? duration(s.item.files[0]?.mediaInfo) : duration(s.episode?.files[0]?.file.mediaInfo);
    return {
      kind: s.item ? s.item.kind : ('episode' as const),
      id: s.item?.id ?? s.episode!.id,
      title: s.item?.title ?? s.episode!.show.title,
      episode: s.episode ? episodeRef(s.episode) : null,
      poster_url: imageUrl(s.item?.posterPath ?? s.episode?.show.posterPath ?? null),
      position_secs: s.positionSecs!,
      duration: d,
      progress: d ? Math.min(1, s.positionSecs! / d) : null,
      updated_at: s.updatedAt.toISOString(),
    };
  });
}

/** For the shows you watched most recently: the next episode to watch. */
export async function nextUp(userId: string, limit = 20) {
  // The shows watched most recently (a few spare, as finished shows drop out): walk the newest
  // watched episodes along the (userId, lastWatchedAt) index until enough shows are found. Small,
  // growing pages keep PostgreSQL on that index instead of sorting every watched row.
  const want = limit * 2;
  const showIds: string[] = [];
  for (let offset = 0, page = 250; showIds.length < want; offset += page, page *= 2) {
    const recent = await queryRows<{ showId: string }>(sql`
      SELECT e."showId" FROM "WatchState" w JOIN "Episode" e ON e."id" = w."episodeId"
      WHERE w."userId" = ${userId} AND w."watched" = TRUE
      ORDER BY w."lastWatchedAt" DESC LIMIT ${page} OFFSET ${offset}`);
    for (const r of recent) if (showIds.length < want && !showIds.includes(r.showId)) showIds.push(r.showId);
    if (recent.length < page) break;
  }
  return (await showProgress(userId, showIds))
    .filter((p) => p.next && p.watched > 0)
    .sort((a, b) => (b.last?.getTime() ?? 0) - (a.last?.getTime() ?? 0))
    .slice(0, limit)
    .map((p) => ({ show_id: p.id, show_title: p.title, poster_url: imageUrl(p.posterPath), episode: episodeRef(p.next!), last_watched_at: p.last?.toISOString() ?? null }));
}

export async function history(userId: string, page: number, pageSize: number) {
  const where = { userId };
  const [total, rows] = await Promise.all([
    db.watchEvent.count({ where }),
    db.watchEvent.findMany({
      where,
      orderBy: [{ watchedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        watchedAt: true,
        item: { select: { id: true, kind: true, title: true, year: true } },
        episode: { select: { ...episodeSelect, show: { select: { title: true } } } },
      },
    }),
  ]);
  return {
    page,
    page_size: pageSize,
    total,
    items: rows.map((r) => ({
      id: r.id,
      watched_at: r.watchedAt.toISOString(),
      kind: r.item ? r.item.kind : ('episode' as const),
      media_id: r.item?.id ?? r.episode!.id,
      title: r.item?.title ?? r.episode!.show.title,
      episode: r.episode ? episodeRef(r.episode) : null,
    })),
  };
}

/** Episodes of followed shows airing between two dates (inclusive, YYYY-MM-DD). */
export async function calendar(userId: string, from: string, to: string) {
  const eps = await db.episode.findMany({
    where: { airDate: { gte: from, lte: to }, show: { follows: { some: { userId } } } },
    select: { ...episodeSelect, show: { select: { title: true } } },
    orderBy: [{ airDate: 'asc' }, { seasonNumber: 'asc' }, { number: 'asc' }],
  });
  return eps.map((e) => episodeRef(e, e.show.title));
}

/** The newest movies, shows and videos across libraries. */
export async function recentlyAdded(limit = 12) {
  const items = await db.mediaItem.findMany({ where: { status: 'ok' }, orderBy: { addedAt: 'desc' }, take: limit, select: { id: true, kind: true, title: true, posterPath: true } });
  return items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, poster_url: imageUrl(i.posterPath) }));
}
