// /redoc beside /docs: ReDoc's page loads our own bundle and our own OpenAPI document, with no
// inline script (a CSP with nonces needs none), and links back to the app and to Swagger UI.
import { describe, expect, it } from 'vitest';
import { GET as redocPage } from '@/app/redoc/route';
import { GET as redocAsset } from '@/app/redoc/assets/[file]/route';

const asset = (file: string) => redocAsset(new Request(`http://localhost/redoc/assets/${file}`), { params: Promise.resolve({ file }) });

describe('ReDoc at /redoc', () => {
  it('answers a page that loads the bundle we serve and our openapi.json, linking back to the app', async () => {
    // The web server puts the answer's Content-Security-Policy on the request: its nonce goes on the scripts.
    const res = redocPage(new Request('http://localhost/redoc', { headers: { 'content-security-policy': "script-src 'self' 'nonce-AbC123+/=' 'strict-dynamic'" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"]+)"/.exec(m[1])?.[1])).toEqual(['/redoc/assets/redoc.standalone.js', '/redoc/assets/redoc-init.js']);
    expect(scripts.every((m) => m[2].trim() === '')).toBe(true);
    expect(scripts.every((m) => m[1].includes('nonce="AbC123+/="'))).toBe(true);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).toContain('data-spec-url="/api/v1/openapi.json"');
    expect(html).toContain('href="/"');
    expect(html).toContain('href="/docs"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the ReDoc standalone bundle from npm, the start-up script and the styles; nothing else', async () => {
    const bundle = await asset('redoc.standalone.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const js = await bundle.text();
    expect(js.length).toBeGreaterThan(500_000);
    expect(js).toContain('Redoc');
    // Nothing is fetched from elsewhere: the footer logo's CDN address is gone.
    expect(js).not.toContain('cdn.redoc.ly');
    const init = await (await asset('redoc-init.js')).text();
    expect(init).toContain("Redoc.init(node.getAttribute('data-spec-url')");
    expect((await asset('redoc-page.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const bad of ['package.json', '..%2Fpackage.json', 'redoc.lib.js']) expect((await asset(bad)).status).toBe(404);
  });
});
