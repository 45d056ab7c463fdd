// GET /docs/assets/:file — Swagger UI's CSS and JS from the installed swagger-ui-dist package (no CDN).
// Only the names below are served: the request path never reaches the filesystem.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const cache = new Map<string, Buffer>();

async function load(file: string): Promise<Buffer> {
  let body = cache.get(file);
  if (!body) {
    // Resolved by Node at run time: left to the bundler, resolve() would return a module id.
    const dir = dirname(createRequire(import.meta.url).resolve(/* turbopackIgnore: true */ 'swagger-ui-dist/package.json'));
    body = await readFile(join(dir, file));
    cache.set(file, body);
  }
  return body;
}

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
  if (!type) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(await load(file)), {
    headers: { 'content-type': type, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' },
  });
}
