// Play state from other players (POST /api/v1/scrobble, the Jellyfin and Plex webhooks): find the
// item, then apply the one position rule of our own player (lib/tracking/resume.ts: a resume point
// between 5 and 90 %, watched at 90 % or more, once per viewing), written through the one writer of
// watch state. Separate from the Trakt scrobbling of our own player: this is what others report.
import { savePosition } from '@/lib/tracking/resume';
import { findScrobbleItem } from './find-item';
import type { ScrobbleInput, ScrobbleResult } from './scrobble-input';

export async function scrobble(userId: string, input: ScrobbleInput): Promise<ScrobbleResult> {
  const found = await findScrobbleItem(input);
  const position = Math.min(input.position_secs, input.duration_secs);
  const state = await savePosition(userId, { itemId: found.itemId, episodeId: found.episodeId, duration: input.duration_secs }, position);
  return {
    event: input.event,
    item: { kind: found.kind, id: (found.episodeId ?? found.itemId)!, title: found.title, show_id: found.showId, season: found.season, episode: found.episode },
    progress: Math.round((position / input.duration_secs) * 10_000) / 10_000,
    resume_secs: state.secs_offset,
    watched: state.watched,
    play_count: state.play_count,
  };
}
