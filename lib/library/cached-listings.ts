// The library's hot reads through this process's listing cache (lib/list-cache/list-cache.ts): the
// library list, a library's item pages, an item with its files. What the API routes and pages read;
// writes go to the database and bump the cache's generations (catalogChanged, watchStateChanged).
import type { z } from 'zod';
import { cachedListing } from '@/lib/list-cache/list-cache';
import { getMedia, listLibraryMedia, type mediaListQuerySchema } from './browse';
import { listLibraries } from './reads/library-list';

export function listLibrariesCached() {
  return cachedListing('libraries', () => listLibraries());
}

/** A page of a library's items; with the watched filter the answer is this user's (and cached per user). */
export function listLibraryMediaCached(libraryId: string, q: z.infer<typeof mediaListQuerySchema>, userId?: string) {
  const perUser = q.watched && userId ? userId : undefined;
  return cachedListing(`library-media:${libraryId}:${JSON.stringify(q)}`, () => listLibraryMedia(libraryId, q, userId), perUser);
}

export function getMediaCached(id: string, kind?: 'show') {
  return cachedListing(`media:${id}:${kind ?? ''}`, () => getMedia(id, kind));
}
