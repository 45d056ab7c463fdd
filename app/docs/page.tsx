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
          <nav aria-label="Docs" className="ml-auto flex items-center gap-4 text-sm font-medium">
            <a href="/redoc" className="text-accent-300 hover:underline">
              ReDoc
            </a>
            <a href={SPEC_URL} className="text-accent-300 hover:underline">
              openapi.json
            </a>
            <Link href="/" className="rounded-lg bg-white/5 px-3 py-1.5 text-zinc-100 ring-1 ring-inset ring-white/10 hover:bg-white/10">
              ← Back to Marquee
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <h1 className="sr-only">Marquee API reference</h1>
        {/* Swagger UI has its own light styles: its panel stays white in either theme. */}
        <div className="overflow-hidden rounded-2xl bg-[#fff] p-2 text-[#18181b] shadow-2xl shadow-black/40 sm:p-4">
          <SwaggerUi specUrl={SPEC_URL} />
        </div>
      </main>
    </>
  );
}
