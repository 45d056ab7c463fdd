// Playback webhooks of other media servers, mapped onto one scrobble (lib/scrobble/scrobble.ts).
//
// Plex (Plex Pass → Settings → Webhooks): a multipart/form-data POST whose `payload` field is JSON:
// `event` (media.play, media.pause, media.resume, media.stop, media.scrobble — the last sent when an
// item passes 90 %), `Account`, `Player`, and `Metadata`, the item as Plex's library API describes it:
// `type` (movie, episode), `title`, `year`, `grandparentTitle` (the show), `parentIndex` (season),
// `index` (episode), `Guid` ([{ id: "imdb://tt…" | "tmdb://…" | "tvdb://…" }]), `viewOffset` and
// `duration` (milliseconds). Plex cannot set headers, so the key goes in the URL (?key=).
//
// Jellyfin (the Webhook plugin, "Generic" destination): a JSON body rendered from the template the
// admin writes, with the plugin's variables: `NotificationType` (PlaybackStart, PlaybackProgress,
// PlaybackStop), `ItemType` (Movie, Episode), `Name`, `Year`, `SeriesName`, `SeasonNumber`,
// `EpisodeNumber`, `PlaybackPositionTicks` and `RunTimeTicks` (100 ns ticks), `IsPaused`,
// `PlayedToCompletion`, `Provider_tvdb`, `Provider_tmdb`, `Provider_imdb`. Template values may come
// as strings or numbers, so both are taken.
//
// An episode's Guids/Provider ids are the episode's own (not the show's, and the numbers overlap with
// show ids), and episodes carry no ids here: episodes are found by show title + season + episode.
import { z } from 'zod';
import { scrobbleResultSchema, type ScrobbleInput } from './scrobble-input';

export type WebhookMapping = { input: ScrobbleInput } | { ignored: string };

// A template renders a missing value as "" (and "{{…}}" escapes HTML: "Tom &amp; Jerry"); both are undone here.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&#x60;': '`', '&#x3D;': '=' };
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const num = z.preprocess(blankToUndefined, z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).optional());
const flag = z.preprocess(blankToUndefined, z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False']).transform((v) => v.toLowerCase() === 'true')]).optional());
const text = z.string().trim().max(500);
const templated = z.preprocess(blankToUndefined, text.transform((v) => v.replace(/&(amp|quot|#x27|#39|lt|gt|#x60|#x3D);/g, (e) => ENTITIES[e])).optional());

export const plexPayloadSchema = z.looseObject({
  event: z.string().max(100),
  Metadata: z
    .looseObject({
      type: z.string().max(50).optional(),
      title: text.optional(),
      year: z.number().int().optional(),
      grandparentTitle: text.optional(),
      parentIndex: z.number().int().optional(),
      index: z.number().int().optional(),
      Guid: z.array(z.looseObject({ id: z.string().max(200) })).optional(),
      viewOffset: z.number().min(0).optional(),
      duration: z.number().min(0).optional(),
    })
    .optional(),
});

const PLEX_EVENTS: Record<string, ScrobbleInput['event']> = { 'media.play': 'start', 'media.resume': 'start', 'media.pause': 'pause', 'media.stop': 'stop', 'media.scrobble': 'stop' };

/** Plex Guid ids ("imdb://tt0111161", "tmdb://278", "tvdb://…") as our ids. */
function plexIds(guids: { id: string }[] = []) {
  const ids: { imdb?: string; tmdb?: string; tvdb?: string } = {};
  for (const { id } of guids) {
    const m = /^(imdb|tmdb|tvdb):\/\/(.+)$/.exec(id);
    if (m) ids[m[1] as 'imdb' | 'tmdb' | 'tvdb'] = m[2];
  }
  return ids;
}

export function fromPlex(payload: z.infer<typeof plexPayloadSchema>): WebhookMapping {
  const event = PLEX_EVENTS[payload.event];
  if (!event) return { ignored: `Plex event ${payload.event} is not about playback.` };
  const m = payload.Metadata;
  if (!m || (m.type !== 'movie' && m.type !== 'episode')) return { ignored: `Plex item type ${m?.type ?? '(none)'} is not a movie or episode.` };
  const durationSecs = m.duration ? m.duration / 1000 : null;
  // media.scrobble is Plex saying "watched" (past 90 %): count it so even without a position.
  const duration = durationSecs ?? (payload.event === 'media.scrobble' ? 1 : null);
  if (!duration) return { ignored: 'Plex sent no duration for this item.' };
  const offset = (m.viewOffset ?? 0) / 1000;
  const position = payload.event === 'media.scrobble' ? Math.max(offset, duration) : offset;
  if (m.type === 'movie') {
    return { input: { event, position_secs: position, duration_secs: duration, ids: plexIds(m.Guid), title: m.title, year: m.year } };
  }
  if (!m.grandparentTitle || m.parentIndex === undefined || m.index === undefined) return { ignored: 'Plex sent an episode without its show, season or number.' };
  return { input: { event, position_secs: position, duration_secs: duration, ids: { season: m.parentIndex, episode: m.index }, title: m.grandparentTitle } };
}

export const jellyfinPayloadSchema = z.looseObject({
  NotificationType: z.string().max(100),
  ItemType: templated,
  Name: templated,
  Year: num,
  SeriesName: templated,
  SeasonNumber: num,
  EpisodeNumber: num,
  PlaybackPositionTicks: num,
  RunTimeTicks: num,
  IsPaused: flag,
  PlayedToCompletion: flag,
  Provider_tvdb: templated,
  Provider_tmdb: templated,
  Provider_imdb: templated,
});

/** The template to paste in Jellyfin's Webhook plugin (Generic destination), as README shows it. */
export const JELLYFIN_TEMPLATE =
  '{"NotificationType":"{{NotificationType}}","ItemType":"{{ItemType}}","Name":"{{Name}}","Year":"{{Year}}","SeriesName":"{{SeriesName}}",' +
  '"SeasonNumber":"{{SeasonNumber}}","EpisodeNumber":"{{EpisodeNumber}}","PlaybackPositionTicks":"{{PlaybackPositionTicks}}","RunTimeTicks":"{{RunTimeTicks}}",' +
  '"IsPaused":"{{IsPaused}}","PlayedToCompletion":"{{PlayedToCompletion}}","Provider_tvdb":"{{Provider_tvdb}}","Provider_tmdb":"{{Provider_tmdb}}","Provider_imdb":"{{Provider_imdb}}"}';

const TICKS_PER_SEC = 10_000_000;

export function fromJellyfin(p: z.infer<typeof jellyfinPayloadSchema>): WebhookMapping {
  const base = { PlaybackStart: 'start', PlaybackProgress: 'start', PlaybackStop: 'stop' } as const;
  const kind = base[p.NotificationType as keyof typeof base];
  if (!kind) return { ignored: `Jellyfin notification ${p.NotificationType} is not about playback.` };
  const event: ScrobbleInput['event'] = kind === 'start' && p.IsPaused ? 'pause' : kind;
  if (p.ItemType !== 'Movie' && p.ItemType !== 'Episode') return { ignored: `Jellyfin item type ${p.ItemType ?? '(none)'} is not a movie or episode.` };
  if (!p.RunTimeTicks || p.RunTimeTicks <= 0) return { ignored: 'Jellyfin sent no RunTimeTicks for this item.' };
  const duration = p.RunTimeTicks / TICKS_PER_SEC;
  const position = p.PlayedToCompletion ? duration : Math.max(0, (p.PlaybackPositionTicks ?? 0) / TICKS_PER_SEC);
  const blank = (v: string | undefined) => v || undefined;
  if (p.ItemType === 'Movie') {
    const imdb = blank(p.Provider_imdb);
    return {
      input: {
        event, position_secs: position, duration_secs: duration, title: blank(p.Name), year: p.Year && Number.isInteger(p.Year) ? p.Year : undefined,
        ids: { tvdb: blank(p.Provider_tvdb), tmdb: blank(p.Provider_tmdb), imdb: imdb && /^tt\d+$/.test(imdb) ? imdb : undefined },
      },
    };
  }
  if (!p.SeriesName || p.SeasonNumber === undefined || p.EpisodeNumber === undefined) return { ignored: 'Jellyfin sent an episode without SeriesName, SeasonNumber or EpisodeNumber.' };
  return { input: { event, position_secs: position, duration_secs: duration, ids: { season: p.SeasonNumber, episode: p.EpisodeNumber }, title: p.SeriesName } };
}

export const webhookResultSchema = z.object({
  handled: z.boolean().describe('false: the event is not one we act on (the reason says why); still 200, so the sender keeps the webhook'),
  reason: z.string().optional(),
  result: scrobbleResultSchema.optional(),
});
