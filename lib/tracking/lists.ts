// The tracking lists of one user: followed shows with progress, continue watching, next up,
// history and the upcoming-episodes calendar. Everything is scoped to the caller's user id.
import { db } from '@/lib/db';
import { imageUrl } from '@/lib/media/image-key';

const today = () => new Date().toISOString().slice(0, 10);

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
const byOrder = (a: EpisodeRow, b: EpisodeRow) => a.seasonNumber - b.seasonNumber || a.number - b.number;

/** Aired = has no air date (known from a file) or one that is not in the future. Specials do not count. */
function aired(e: EpisodeRow, on: string) {
  return e.seasonNumber > 0 && (!e.airDate || e.airDate <= on);
}

/** The first aired, unwatched episode after the last watched one (or the first one when none is). */
function nextEpisode(episodes: EpisodeRow[], watched: Set<string>, on: string): EpisodeRow | null {
  const list = episodes.filter((e) => aired(e, on)).sort(byOrder);
  let lastWatched = -1;
  list.forEach((e, i) => {
    if (watched.has(e.id)) lastWatched = i;
  });
  return list.slice(lastWatched + 1).find((e) => !watched.has(e.id)) ?? null;
}

async function showProgress(userId: string, showIds: string[]) {
  const [episodes, states] = await Promise.all([
    db.episode.findMany({ where: { showId: { in: showIds } }, select: episodeSelect }),
    db.watchState.findMany({ where: { userId, watched: true, episode: { showId: { in: showIds } } }, select: { episodeId: true, lastWatchedAt: true, episode: { select: { showId: true } } } }),
  ]);
  const on = today();
  const watched = new Set(states.map((s) => s.episodeId!));
  return new Map(
    showIds.map((id) => {
      const eps = episodes.filter((e) => e.showId === id);
      const last = states.filter((s) => s.episode?.showId === id).reduce<Date | null>((m, s) => (s.lastWatchedAt && (!m || s.lastWatchedAt > m) ? s.lastWatchedAt : m), null);
      return [id, { aired: eps.filter((e) => aired(e, on)).length, watched: eps.filter((e) => aired(e, on) && watched.has(e.id)).length, next: nextEpisode(eps, watched, on), last }];
    }),
  );
}

export async function trackedShows(userId: string) {
  const follows = await db.follow.findMany({ where: { userId }, select: { createdAt: true, show: { select: { id: true, title: true, year: true, posterPath: true } } } });
  const progress = await showProgress(userId, follows.map((f) => f.show.id));
  return follows
    .map((f) => {
      const p = progress.get(f.show.id)!;
      return {
        id: f.show.id,
        title: f.show.title,
        year: f.show.year,
        poster_url: imageUrl(f.show.posterPath),
        watched: p.watched,
        aired: p.aired,
        next_episode: p.next ? episodeRef(p.next) : null,
        last_watched_at: p.last?.toISOString() ?? null,
        followed_at: f.createdAt.toISOString(),
      };
    })
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
  // The shows watched most recently: walk the newest watched episodes until `limit` shows are found.
  const showIds: string[] = [];
  for (let skip = 0; showIds.length < limit; skip += 500) {
    const recent = await db.watchState.findMany({
      where: { userId, watched: true, episodeId: { not: null } },
      orderBy: { lastWatchedAt: 'desc' },
      skip,
      take: 500,
      select: { episode: { select: { showId: true } } },
    });
    for (const r of recent) if (!showIds.includes(r.episode!.showId) && showIds.length < limit) showIds.push(r.episode!.showId);
    if (recent.length < 500) break;
  }
  const shows = await db.mediaItem.findMany({ where: { id: { in: showIds } }, select: { id: true, title: true, posterPath: true } });
  const progress = await showProgress(userId, showIds);
  return shows
    .map((show) => ({ show, p: progress.get(show.id)! }))
    .filter(({ p }) => p.next && p.watched > 0)
    .sort((a, b) => (b.p.last?.getTime() ?? 0) - (a.p.last?.getTime() ?? 0))
    .map(({ show, p }) => ({ show_id: show.id, show_title: show.title, poster_url: imageUrl(show.posterPath), episode: episodeRef(p.next!), last_watched_at: p.last?.toISOString() ?? null }));
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
