// The webhook receivers: read the sender's body, map it (webhooks.ts), scrobble it. Events that are not
// about playback of a movie or episode answer 200 with handled: false, so the sender keeps the hook.
import type { z } from 'zod';
import { ApiError } from '@/lib/errors/api-error';
import { validationError } from '@/lib/http/error-response';
import { readFormBody } from '@/lib/http/read-body';
import { scrobble } from './scrobble';
import { scrobbleInputSchema } from './scrobble-input';
import { fromJellyfin, fromPlex, plexPayloadSchema, type jellyfinPayloadSchema, type WebhookMapping, type webhookResultSchema } from './webhooks';

type WebhookResult = z.infer<typeof webhookResultSchema>;

async function apply(userId: string, mapping: WebhookMapping): Promise<WebhookResult> {
  if ('ignored' in mapping) return { handled: false, reason: mapping.ignored };
  const input = scrobbleInputSchema.safeParse(mapping.input);
  if (!input.success) throw validationError(input.error, 'payload');
  return { handled: true, result: await scrobble(userId, input.data) };
}

export async function receiveJellyfin(userId: string, payload: z.infer<typeof jellyfinPayloadSchema>): Promise<WebhookResult> {
  return apply(userId, fromJellyfin(payload));
}

/** Plex posts multipart/form-data; the event is the JSON of its `payload` field (a thumbnail may ride along). */
export async function receivePlex(userId: string, req: Request): Promise<WebhookResult> {
  const form = await readFormBody(req);
  const raw = form.get('payload');
  if (typeof raw !== 'string') throw new ApiError('validation_failed', 'The form has no payload field.', { fields: [{ path: 'body.payload', message: 'Required: the event as JSON.' }] });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ApiError('invalid_json', 'The payload field is not valid JSON.');
  }
  const payload = plexPayloadSchema.safeParse(json);
  if (!payload.success) throw validationError(payload.error, 'payload');
  return apply(userId, fromPlex(payload.data));
}
