'use client';
// Swagger UI, loaded from our own /docs/assets route and pointed at the generated OpenAPI document.
import Script from 'next/script';
import { useCallback, useRef } from 'react';

type SwaggerUIBundle = (options: Record<string, unknown>) => unknown;

export function SwaggerUi({ specUrl }: { specUrl: string }) {
  const node = useRef<HTMLDivElement>(null);
  const mount = useCallback(() => {
    const bundle = (window as unknown as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
    if (!bundle || !node.current) return;
    bundle({ url: specUrl, domNode: node.current, deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 });
  }, [specUrl]);
  return (
    <>
      <link rel="stylesheet" href="/docs/assets/swagger-ui.css" precedence="default" />
      <div ref={node} className="swagger-host min-h-[60vh]">
        <noscript>The API reference needs JavaScript. The raw document is at {specUrl}.</noscript>
      </div>
      <Script src="/docs/assets/swagger-ui-bundle.js" strategy="afterInteractive" onReady={mount} />
    </>
  );
}
