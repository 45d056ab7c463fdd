// GET /redoc — the REST API reference in ReDoc, beside Swagger UI at /docs, over the same
// /api/v1/openapi.json. Everything is served by us (no CDN), and the page has no inline script or
// style: the bundle, its start-up and the page's few styles are files under /redoc/assets. Its two
// script tags carry this request's CSP nonce (the policy's 'strict-dynamic' ignores 'self').
const page = (nonceAttr: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference (ReDoc) · Marquee</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="/redoc/assets/redoc-page.css">
</head>
<body>
<header class="bar">
  <a class="brand" href="/">Marquee</a>
  <span class="what">API reference</span>
  <nav aria-label="Docs">
    <a href="/docs">Swagger UI</a>
    <a href="/api/v1/openapi.json">openapi.json</a>
    <a class="back" href="/">← Back to Marquee</a>
  </nav>
</header>
<main id="redoc-container" data-spec-url="/api/v1/openapi.json">
  <noscript>The API reference needs JavaScript. The raw document is at /api/v1/openapi.json.</noscript>
</main>
<script${nonceAttr} src="/redoc/assets/redoc.standalone.js"></script>
<script${nonceAttr} src="/redoc/assets/redoc-init.js"></script>
</body>
</html>
`;

export function GET(req: Request): Response {
  // The web server puts the answer's policy on the request too (server/web-server.ts).
  const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(req.headers.get('content-security-policy') ?? '')?.[1];
  return new Response(page(nonce ? ` nonce="${nonce}"` : ''), {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
  });
}
