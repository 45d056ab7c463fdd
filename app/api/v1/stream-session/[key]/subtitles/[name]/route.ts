// GET /api/v1/stream-session/:key/subtitles/:name — a text subtitle track as WebVTT
import { getStreamSubtitleContract } from '@/lib/api/stream-contracts';
import { handle, routes } from '@/lib/http/route';
import { streamSubtitle } from '@/lib/stream/respond-extras';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(getStreamSubtitleContract, ({ auth, params }) => streamSubtitle(auth.user.id, params.key, params.name)));
