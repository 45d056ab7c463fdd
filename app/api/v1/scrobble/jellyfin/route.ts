// POST /api/v1/scrobble/jellyfin — Jellyfin's Webhook plugin (Generic destination) → a scrobble
import { jellyfinWebhookContract } from '@/lib/api/scrobble-contracts';
import { handle, routes } from '@/lib/http/route';
import { receiveJellyfin } from '@/lib/scrobble/receive-webhook';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(jellyfinWebhookContract, ({ auth, body }) => receiveJellyfin(auth.user.id, body)));
