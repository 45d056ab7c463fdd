// POST /api/v1/scrobble — another player reports playback (scrobble-scoped key, or any credential)
import { scrobbleContract } from '@/lib/api/scrobble-contracts';
import { handle, routes } from '@/lib/http/route';
import { scrobble } from '@/lib/scrobble/scrobble';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(scrobbleContract, ({ auth, body }) => scrobble(auth.user.id, body)));
