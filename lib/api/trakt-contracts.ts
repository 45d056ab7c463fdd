import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { SERVICE_NAMES } from '@/lib/auth/service-keys';

const tags = ['trakt'];
const traktErrors = ['trakt_no_client_credentials', 'trakt_not_linked', 'trakt_token_expired', 'trakt_refused', 'trakt_rate_limited', 'trakt_unavailable'] as const;
const device = z.object({ user_code: z.string(), verification_url: z.string(), expires_at: z.string() }).nullable();
const statusSchema = z.union([
  z.object({ authenticated: z.literal(false), auth_url: z.string().nullable().describe('null when no Trakt client credentials are configured'), device }),
  z.object({
    authenticated: z.literal(true), token_expired: z.boolean(), expires_at: z.string(),
    status: z.string().describe('ok | needs_reauth | rate_limited | account_limit | locked | unavailable'), status_message: z.string().nullable(),
    username: z.string().nullable(), last_sync_at: z.string().nullable(), device,
  }),
]);
const linked = z.object({ authenticated: z.literal(true), expires_at: z.string() });
const codeState = z.object({ code: z.string().min(1).max(500), state: z.string().min(1).max(200) });
const paging = z.object({ page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(100).default(5) });
const storedItem = z.object({
  trakt_id: z.number(), title: z.string(), year: z.number().nullable(), ids: z.record(z.string(), z.unknown()), plays: z.number(),
  last_watched_at: z.string().nullable(), rating: z.number().nullable(), media_id: z.string().nullable(), image_url: z.string().nullable(),
});
const pageOf = (key: 'movies' | 'shows') => z.object({ page: z.number(), page_size: z.number(), total_items: z.number(), total_pages: z.number(), [key]: z.array(storedItem) });
const syncJob = z.object({
  job_id: z.string(), status: z.string(), progress: z.number(), message: z.string().nullable(), result: z.record(z.string(), z.unknown()).nullable(), error: z.string().nullable(),
});
const syncAnswer = z.union([syncJob, z.object({ pending: z.literal(true), job_id: z.string() })]);

export const traktAuthStatusContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/auth-status', access: 'user', tags, summary: 'Whether your account is linked with Trakt (never the token)',
  response: { status: 200, description: 'Link status', schema: statusSchema },
});
export const traktAuthenticateContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/authenticate', access: 'user', tags, summary: "Start linking: Trakt's authorize URL with a single-use state",
  response: { status: 200, description: 'Where to send the browser', schema: z.object({ auth_url: z.string(), message: z.string() }) },
  errors: ['trakt_no_client_credentials'],
});
export const traktCallbackGetContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/oauth-callback', access: 'user', tags, summary: "Trakt's redirect after the user approved: finishes linking and goes to Settings",
  description: 'Redirects (302) to /settings?trakt=linked, or /settings?trakt_error=<code> when the state or code is refused.',
  query: codeState, response: { status: 302, description: 'To Settings' },
});
export const traktCallbackPostContract = defineContract({
  method: 'POST', path: '/api/v1/trakt/oauth-callback', access: 'user', tags, summary: 'Finish linking with the code and state Trakt redirected with (for clients)',
  body: codeState, response: { status: 200, description: 'Linked', schema: linked },
  errors: ['trakt_invalid_state', 'trakt_invalid_code', ...traktErrors],
});
export const traktRefreshContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/refresh-token', access: 'user', tags, summary: 'Refresh the Trakt token now (answers when it expires, never the token)',
  response: { status: 200, description: 'Refreshed', schema: z.object({ expires_at: z.string() }) }, errors: [...traktErrors],
});
export const traktUnlinkContract = defineContract({
  method: 'DELETE', path: '/api/v1/trakt/link', access: 'user', tags, summary: 'Unlink Trakt: revokes the token at Trakt and deletes it and the pulled Trakt data here',
  description: 'Your watch history in Marquee stays.', response: { status: 204, description: 'Unlinked' },
});
export const traktDeviceContract = defineContract({
  method: 'POST', path: '/api/v1/trakt/device-code', access: 'user', tags, summary: 'Link with a device code (no public callback URL needed)',
  description: 'Show user_code and verification_url; the worker polls Trakt at its interval, and auth-status turns authenticated once approved.',
  response: { status: 201, description: 'The code to enter on Trakt', schema: z.object({ user_code: z.string(), verification_url: z.string(), expires_in: z.number(), interval: z.number() }) },
  errors: ['trakt_no_client_credentials', 'trakt_unavailable'],
});
export const traktSyncContract = defineContract({
  method: 'POST', path: '/api/v1/trakt/sync', access: 'user', tags, summary: 'Sync now (queued in the worker; one at a time per account)',
  response: { status: 202, description: 'Queued (or already queued)', schema: z.object({ job_id: z.string(), deduped: z.boolean() }) }, errors: ['trakt_not_linked'],
});
export const traktSyncJobContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/sync/{id}', access: 'user', tags, summary: 'A sync job of yours: status and progress',
  params: z.object({ id: z.string().min(1).max(100) }), response: { status: 200, description: 'The job', schema: syncJob }, errors: ['not_found'],
});
export const traktSyncLogContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/sync-log', access: 'user', tags, summary: 'Your last Trakt syncs: when, counts pulled and pushed, requests, errors',
  response: {
    status: 200, description: 'Newest first',
    schema: z.object({
      pending_pushes: z.number(),
      runs: z.array(z.object({ id: z.string(), trigger: z.string(), status: z.string(), started_at: z.string(), finished_at: z.string().nullable(), requests: z.number(), pulled: z.number(), pushed: z.number(), unchanged: z.boolean(), error: z.string().nullable() })),
    }),
  },
});
const fetchLatest = (what: 'movies' | 'shows') => defineContract({
  method: 'GET', path: `/api/v1/trakt/fetch-latest-${what}`, access: 'user', tags, summary: `Sync with Trakt now (pulls ${what} among the rest)`,
  description: 'Answers 200 when the sync finished within a few seconds, else 202 with {pending:true, job_id} to follow at /api/v1/trakt/sync/{id}.',
  response: { status: 200, description: 'The finished sync, or 202 pending', schema: syncAnswer }, errors: [...traktErrors],
});
export const traktFetchMoviesContract = fetchLatest('movies');
export const traktFetchShowsContract = fetchLatest('shows');
export const traktStoredMoviesContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/get-stored-movies', access: 'user', tags, summary: 'Your watched movies on Trakt, as last pulled', query: paging,
  response: { status: 200, description: 'A page', schema: pageOf('movies') },
});
export const traktStoredShowsContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/get-stored-shows', access: 'user', tags, summary: 'Your watched shows on Trakt, as last pulled', query: paging,
  response: { status: 200, description: 'A page', schema: pageOf('shows') },
});
export const traktSeasonsEpisodesContract = defineContract({
  method: 'GET', path: '/api/v1/trakt/get-watched-seasons-episodes', access: 'user', tags, summary: "A watched show's seasons and episodes",
  query: z.object({ trakt_id: z.coerce.number({ error: 'trakt_id is required: the show\'s Trakt id' }).int().min(1).max(2_147_483_647, 'trakt_id is too large for a Trakt id') }),
  response: {
    status: 200, description: 'Seasons and episodes',
    schema: z.object({
      trakt_id: z.number(), title: z.string(), media_id: z.string().nullable(),
      seasons: z.array(z.object({
        number: z.number(), progress: z.number().nullable(),
        episodes: z.array(z.object({ number: z.number(), plays: z.number(), last_watched_at: z.string().nullable(), title: z.string().nullable(), overview: z.string().nullable(), image_url: z.string().nullable(), rating: z.number().nullable() })),
      })),
    }),
  },
  errors: ['not_found'],
});

const serviceKey = z.object({ service_name: z.enum(SERVICE_NAMES), preview: z.string(), updated_at: z.string() });
export const saveServiceKeyContract = defineContract({
  method: 'POST', path: '/api/v1/user/service-keys', access: 'user', tags: ['user', ...tags], summary: 'Store your own Trakt client id or secret (used instead of the server\'s)',
  description: 'Stored encrypted; answers show only a preview.',
  body: z.object({ service_name: z.enum(SERVICE_NAMES), api_key: z.string().min(1).max(500) }), response: { status: 201, description: 'Stored', schema: serviceKey },
});
export const listServiceKeysContract = defineContract({
  method: 'GET', path: '/api/v1/user/service-keys', access: 'user', tags: ['user', ...tags], summary: 'Your stored service keys (previews only)',
  response: { status: 200, description: 'Keys', schema: z.array(serviceKey) },
});
export const deleteServiceKeyContract = defineContract({
  method: 'DELETE', path: '/api/v1/user/service-keys/{name}', access: 'user', tags: ['user', ...tags], summary: 'Forget a stored service key',
  params: z.object({ name: z.enum(SERVICE_NAMES) }), response: { status: 204, description: 'Forgotten' },
});
