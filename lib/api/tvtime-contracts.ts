// TV Time-compatible routes (/tvtime/…): the scraped TV Time API's shapes over our own tracking.
import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { tvtimeLoginResultSchema, tvtimeLoginSchema } from '@/lib/tvtime/tvtime-session';
import { tvtimeFollowSchema, tvtimeSeenSchema, tvtimeShowSchema, tvtimeShowSummarySchema } from '@/lib/tvtime/tvtime';

const tags = ['tvtime'];
const showParams = z.object({ id: z.string().min(1).max(100).describe('A Marquee show id, or the show’s TheTVDB id (all digits)') });
const episodeParams = z.object({ id: z.string().min(1).max(100).describe('A Marquee episode id') });
const CREDENTIALS =
  'Send the cookie POST /tvtime/login set (marquee_tvtime_session), or Authorization: Bearer with its token, a session token or a personal API key.';

export const tvtimeLoginContract = defineContract({
  method: 'POST', path: '/tvtime/login', access: 'public', tags, body: tvtimeLoginSchema,
  summary: 'TV Time sign-in: username and password → a session cookie',
  description: 'Sets `marquee_tvtime_session` (HttpOnly, SameSite=Strict, Path=/tvtime), a revocable session valid 7 days; the token is in the answer too. Throttled like every sign-in.',
  response: { status: 200, description: 'Signed in', schema: tvtimeLoginResultSchema }, errors: ['invalid_credentials', 'account_disabled', 'too_many_requests'],
});
export const tvtimeShowsContract = defineContract({
  method: 'GET', path: '/tvtime/shows', access: 'user', tags, description: CREDENTIALS,
  summary: 'TV Time: the shows you follow, with seen and aired counts and the next episode',
  response: { status: 200, description: 'Followed shows, most recently watched first', schema: z.array(tvtimeShowSummarySchema) },
});
export const tvtimeShowContract = defineContract({
  method: 'GET', path: '/tvtime/show/{id}', access: 'user', tags, params: showParams, description: CREDENTIALS,
  summary: 'TV Time: a show with every season and episode and your seen flags, in one answer',
  response: { status: 200, description: 'The show', schema: tvtimeShowSchema }, errors: ['not_found'],
});
export const tvtimeFollowContract = defineContract({
  method: 'PUT', path: '/tvtime/show/{id}/follow', access: 'user', tags, params: showParams, description: CREDENTIALS,
  summary: 'TV Time: follow a show', response: { status: 200, description: 'Followed', schema: tvtimeFollowSchema }, errors: ['not_found'],
});
export const tvtimeUnfollowContract = defineContract({
  method: 'DELETE', path: '/tvtime/show/{id}/follow', access: 'user', tags, params: showParams, description: CREDENTIALS,
  summary: 'TV Time: stop following a show', response: { status: 200, description: 'Not followed', schema: tvtimeFollowSchema }, errors: ['not_found'],
});
export const tvtimeSeenContract = defineContract({
  method: 'PUT', path: '/tvtime/episode/{id}/watched', access: 'user', tags, params: episodeParams, description: CREDENTIALS,
  summary: 'TV Time: mark an episode seen', response: { status: 200, description: 'Seen', schema: tvtimeSeenSchema }, errors: ['not_found'],
});
export const tvtimeUnseenContract = defineContract({
  method: 'DELETE', path: '/tvtime/episode/{id}/watched', access: 'user', tags, params: episodeParams, description: CREDENTIALS,
  summary: 'TV Time: mark an episode not seen', response: { status: 200, description: 'Not seen', schema: tvtimeSeenSchema }, errors: ['not_found'],
});
