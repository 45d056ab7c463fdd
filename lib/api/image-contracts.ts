import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';

const imageQuerySchema = z.object({
  /** Wanted width in CSS pixels × device pixel ratio; the nearest stored width at least as wide is served. */
  w: z.coerce.number().int().min(1).max(4096).optional(),
});

export const imageContract = defineContract({
  method: 'GET',
  path: '/api/v1/image/{key}',
  access: 'user',
  tags: ['media'],
  summary: 'A stored poster, backdrop or thumb as WebP',
  description:
    'Keys come from `poster_url`, `backdrop_url` and `thumb_url`. `w` picks the narrowest stored width at least that wide (else the widest). ' +
    'Responses are immutable (a changed picture gets a new key): `Cache-Control: private, max-age=31536000, immutable`, with an ETag.',
  params: z.object({ key: z.string().min(1).max(200) }),
  query: imageQuerySchema,
  response: { status: 200, description: 'The image', contentType: 'image/webp', schema: z.string().meta({ format: 'binary' }) },
  errors: ['not_found'],
});
