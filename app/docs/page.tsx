// /docs — the REST API reference: Swagger UI over /api/v1/openapi.json, all served locally.
import type { Metadata } from 'next';
import Link from 'next/link';
import { SwaggerUi } from '@/components/docs/swagger-ui-client';
import { Brand } from '@/components/layout/brand';

export const metadata: Metadata = { title: 'API docs' };

const SPEC_URL = '/api/v1/openapi.json';

export default function DocsPage() {
  return (
    <>
      <header className="border-b border-white/10 bg-zinc-950/80">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="rounded-lg focus-visible:outline-2 focus-visible:outline-accent-400">
            <Brand />
          </Link>
          <span className="text-sm text-zinc-400">API reference</span>
          <a href={SPEC_URL} className="ml-auto text-sm font-medium text-accent-300 hover:underline">
            openapi.json
          </a>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <h1 className="sr-only">Marquee API reference</h1>
        <div className="overflow-hidden rounded-2xl bg-white p-2 text-zinc-900 shadow-2xl shadow-black/40 sm:p-4">
          <SwaggerUi specUrl={SPEC_URL} />
        </div>
      </main>
    </>
  );
}
