// GET /api/v1/image/:key?w= — a stored WebP variant, cached by the browser for a year
import { imageContract } from '@/lib/api/image-contracts';
import { handle, routes } from '@/lib/http/route';
import { findStoredImage } from '@/lib/media/stored-image';

const CACHE = 'private, max-age=31536000, immutable';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(imageContract, async ({ params, query, req }) => {
    const image = await findStoredImage(params.key, query.w);
    const headers = { 'Cache-Control': CACHE, ETag: image.etag };
    if (req.headers.get('if-none-match')?.split(/\s*,\s*/).includes(image.etag)) return new Response(null, { status: 304, headers });
    return new Response(image.open(), { headers: { ...headers, 'Content-Type': 'image/webp', 'Content-Length': String(image.size) } });
  }),
);
