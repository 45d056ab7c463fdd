// POST /api/v1/scrobble/plex — Plex's webhook (multipart form, JSON in `payload`) → a scrobble
import { plexWebhookContract } from '@/lib/api/scrobble-contracts';
import { handle, routes } from '@/lib/http/route';
import { receivePlex } from '@/lib/scrobble/receive-webhook';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(plexWebhookContract, ({ auth, req }) => receivePlex(auth.user.id, req)));
