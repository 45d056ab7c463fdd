// GET /api/v1/media?kind=movie|show — every movie or show across libraries, sorted and filtered
import { browseMediaContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { browseMedia } from '@/lib/library/reads/browse-media';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(browseMediaContract, ({ query, auth }) => browseMedia(query, auth.user.id)));
