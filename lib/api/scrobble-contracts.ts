// Play state from other players: a scrobble call, and webhook receivers for Jellyfin and Plex.
import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { scrobbleInputSchema, scrobbleResultSchema } from '@/lib/scrobble/scrobble-input';
import { jellyfinPayloadSchema, webhookResultSchema } from '@/lib/scrobble/webhooks';

const tags = ['scrobble'];
const scopes = ['full', 'scrobble'] as const;
const keyQuery = z.object({ key: z.string().max(200).optional().describe('A personal API key with the scrobble (or full) scope, for senders that cannot set headers') });

export const scrobbleContract = defineContract({
  method: 'POST', path: '/api/v1/scrobble', access: 'user', scopes, tags, body: scrobbleInputSchema,
  summary: 'Report playback from another player: moves the resume point, marks watched at 90 %',
  description: 'Finds the item by a Marquee id, by TheTVDB/TMDB/IMDb ids (an episode: the show’s ids with season and episode), or by title (and year; season and episode for an episode).',
  response: { status: 200, description: 'The item found and its watch state now', schema: scrobbleResultSchema }, errors: ['not_found'],
});

export const jellyfinWebhookContract = defineContract({
  method: 'POST', path: '/api/v1/scrobble/jellyfin', access: 'user', scopes, keyInQuery: true, tags, query: keyQuery, body: jellyfinPayloadSchema,
  summary: 'Jellyfin Webhook plugin receiver (Generic destination, JSON)',
  description: 'PlaybackStart, PlaybackProgress and PlaybackStop of movies and episodes are scrobbled; other notifications answer handled: false. The key may be in Authorization: Bearer, or in ?key=.',
  response: { status: 200, description: 'Handled, or why not', schema: webhookResultSchema }, errors: ['not_found', 'unsupported_media_type'],
});

export const plexWebhookContract = defineContract({
  method: 'POST', path: '/api/v1/scrobble/plex', access: 'user', scopes, keyInQuery: true, tags, query: keyQuery,
  summary: 'Plex webhook receiver (multipart/form-data with a JSON `payload` field)',
  description:
    'media.play, media.resume, media.pause, media.stop and media.scrobble of movies and episodes are scrobbled; other events answer handled: false. Plex cannot set headers: put the key in the URL, `…/api/v1/scrobble/plex?key=mq_k_…`.',
  response: { status: 200, description: 'Handled, or why not', schema: webhookResultSchema }, errors: ['not_found', 'unsupported_media_type'],
});
