// How an episode appears in the tracking lists (continue watching, next up, history, calendar).
import { imageUrl } from '@/lib/media/image-key';

export type EpisodeRow = { id: string; showId: string; seasonNumber: number; number: number; title: string | null; airDate: string | null; thumbPath: string | null };

export function episodeRef(e: EpisodeRow, showTitle?: string) {
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
