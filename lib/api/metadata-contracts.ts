import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import {
  catalogFollowSchema,
  catalogQuery,
  catalogResultSchema,
  creditsSchema,
  matchViewSchema,
  unmatchedPageSchema,
  unmatchedQuery,
} from '@/lib/metadata/online/online-admin';

const idParams = z.object({ id: z.string().min(1) });
const tags = ['metadata'];

export const getMatchContract = defineContract({
  method: 'GET',
  path: '/api/v1/media/{id}/match',
  access: 'user',
  summary: 'How an item was matched online: parsed title and year, provider, method, candidates with scores, reason',
  tags,
  params: idParams,
  response: { status: 200, description: 'The match', schema: matchViewSchema },
  errors: ['not_found'],
});

export const listUnmatchedContract = defineContract({
  method: 'GET',
  path: '/api/v1/media/unmatched',
  access: 'admin',
  summary: 'Items the online provider could not match with confidence, to identify by hand',
  tags,
  query: unmatchedQuery,
  response: { status: 200, description: 'A page of unmatched items', schema: unmatchedPageSchema },
});

export const getCreditsContract = defineContract({
  method: 'GET',
  path: '/api/v1/media/{id}/credits',
  access: 'user',
  summary: 'Cast and key crew of a movie or show',
  tags,
  params: idParams,
  response: { status: 200, description: 'Cast (billing order) and crew', schema: creditsSchema },
  errors: ['not_found'],
});

export const catalogSearchContract = defineContract({
  method: 'GET',
  path: '/api/v1/catalog/search',
  access: 'user',
  summary: 'Search the online catalog (TMDB) for shows or movies, also ones in no library',
  tags,
  query: catalogQuery,
  response: { status: 200, description: 'Results, with the library item when there is one', schema: catalogResultSchema },
  errors: ['provider_error', 'provider_unavailable'],
});

export const catalogFollowContract = defineContract({
  method: 'POST',
  path: '/api/v1/catalog/follow',
  access: 'user',
  summary: 'Follow a show from the catalog (added to the first TV library without files when it is new)',
  tags,
  body: catalogFollowSchema,
  response: { status: 201, description: 'The show, followed', schema: z.object({ id: z.string(), created: z.boolean() }) },
  errors: ['not_found', 'conflict', 'provider_error', 'provider_unavailable'],
});
