'use client';
// Admin → TVDB API keys: a key (and PIN) just created or rotated, shown this once, with the base URL
// a TheTVDB v4 client is configured with. Focus moves here so keyboard users land on it.
import { useEffect, useRef, useState } from 'react';
import type { IssuedProxyKey } from '@/components/queries/use-proxy-keys';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button-client';

function Secret({ label, copyLabel, value, testId }: { label: string; copyLabel: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-400">{label}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 select-all break-all rounded-lg bg-zinc-950 px-3 py-2 font-mono text-sm text-zinc-100 ring-1 ring-white/10">
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </dd>
    </div>
  );
}

export function ProxyKeySecret({ issued, action, onDone }: { issued: IssuedProxyKey; action: 'created' | 'rotated'; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Only ever rendered after a create or rotate in this browser, so `location` is there.
  const [baseUrl] = useState(() => `${window.location.origin}/tvdb/v4`);
  useEffect(() => heading.current?.focus(), [issued]);

  return (
    <section aria-labelledby="proxy-key-secret-title" data-testid="proxy-key-secret" className="rounded-2xl border border-accent-400/30 bg-accent-400/5 p-5 sm:p-6">
      <h2 id="proxy-key-secret-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-accent-300 focus:outline-none">
        Key “{issued.name}” {action}
      </h2>
      <p className="mt-1 text-sm text-zinc-300">
        Copy {issued.pin ? 'the key and PIN' : 'the key'} now: {issued.pin ? 'they' : 'it'} won’t be shown again.
        {action === 'rotated' && ' The previous key has stopped working.'}
      </p>
      <dl className="mt-4 space-y-3">
        <Secret label="API key" copyLabel="Copy key" value={issued.key} testId="new-proxy-key" />
        {issued.pin && <Secret label="PIN" copyLabel="Copy PIN" value={issued.pin} testId="new-proxy-pin" />}
        <Secret label="Proxy base URL" copyLabel="Copy URL" value={baseUrl} testId="proxy-base-url" />
      </dl>
      <p className="mt-4 text-xs text-zinc-400">
        In the app, use the base URL in place of TheTVDB’s (<code className="font-mono">https://api4.thetvdb.com/v4</code>). It logs in with a POST to{' '}
        <code className="break-all font-mono text-zinc-300">{baseUrl}/login</code> and{' '}
        <code className="font-mono text-zinc-300">{issued.pin ? '{"apikey": "…", "pin": "…"}' : '{"apikey": "…"}'}</code>.
      </p>
      <div className="mt-4 flex justify-end">
        <Button variant="ghost" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
