// GET /api/v1/media/:id — an item with its files; PATCH — edit (locks fields); DELETE — remove (admin)
import { deleteMediaContract, getMediaContract, patchMediaContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { getMediaCached } from '@/lib/library/cached-listings';
import { deleteMedia, editMedia } from '@/lib/library/edit-media';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getMediaContract, ({ params }) => getMediaCached(params.id)),
  handle(patchMediaContract, ({ params, body }) => editMedia(params.id, body)),
  handle(deleteMediaContract, ({ params }) => deleteMedia(params.id)),
);
