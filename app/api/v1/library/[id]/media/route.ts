// GET /api/v1/library/:id/media — a library's items, paged and sorted; POST — a remote scanner's file
import { listLibraryMediaContract, pushMediaContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { listLibraryMediaCached } from '@/lib/library/cached-listings';
import { ingestRemoteItem } from '@/lib/library/remote-items';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listLibraryMediaContract, ({ params, query, auth }) => listLibraryMediaCached(params.id, query, auth.user.id)),
  handle(pushMediaContract, ({ params, body }) => ingestRemoteItem(params.id, body.item)),
);
