// GET /redoc/assets/:file — ReDoc's standalone bundle from the installed redoc package (no CDN), and
// the page's start-up script and styles. Only the names below are served: the request path never
// reaches the filesystem.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

// Starts ReDoc on the page's container, with the spec URL the page names.
const INIT = `(function () {
  var node = document.getElementById('redoc-container');
  if (!node || !window.Redoc) return;
  window.Redoc.init(node.getAttribute('data-spec-url'), { expandResponses: '200,201', hideDownloadButton: false, scrollYOffset: 'header.bar' }, node);
})();
`;

const PAGE_CSS = `body { margin: 0; font-family: system-ui, sans-serif; }
header.bar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 16px;
  padding: 10px 20px; background: #09090b; color: #e4e4e7; border-bottom: 1px solid rgba(255,255,255,.1); }
header.bar a { color: #c7d2fe; text-decoration: none; font-size: 14px; }
header.bar a:hover { text-decoration: underline; }
header.bar .brand { color: #fafafa; font-weight: 700; font-size: 16px; }
header.bar .what { color: #a1a1aa; font-size: 14px; }
header.bar nav { margin-left: auto; display: flex; gap: 16px; align-items: center; }
header.bar .back { color: #fafafa; background: rgba(255,255,255,.06); padding: 6px 12px; border-radius: 8px; }
`;

type Asset = { type: string; body: () => Promise<Buffer> };

let bundle: Promise<Buffer> | undefined;

// The bundle's one request off the server: the "API docs by Redocly" footer's logo from their CDN.
// Pointed at an empty data URL it is never fetched (the image hides itself on error; the link stays).
const CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

async function loadBundle(): Promise<Buffer> {
  // Resolved by Node at run time: left to the bundler, resolve() would return a module id.
  const dir = dirname(createRequire(import.meta.url).resolve(/* turbopackIgnore: true */ 'redoc/package.json'));
  const js = await readFile(join(dir, 'bundles/redoc.standalone.js'), 'utf8');
  return Buffer.from(js.replaceAll(CDN_LOGO, 'data:,'));
}

function readBundle(): Promise<Buffer> {
  bundle ??= loadBundle();
  return bundle;
}

const ASSETS: Record<string, Asset> = {
  'redoc.standalone.js': { type: JS, body: readBundle },
  'redoc-init.js': { type: JS, body: async () => Buffer.from(INIT) },
  'redoc-page.css': { type: CSS, body: async () => Buffer.from(PAGE_CSS) },
};

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
  if (!asset) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(await asset.body()), {
    headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' },
  });
}
