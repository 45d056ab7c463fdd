'use client';
// Admins: the files the last scan could not use, collapsed under "Scan problems (N)". Paths and
// messages are file names from disk: rendered as text only.
import { useState } from 'react';
import { formError } from '@/components/queries/api-fetch';
import { useScanIssues, type ScanIssue } from '@/components/queries/use-scan-issues';

export function ScanIssues({ libraryId, count, initialIssues }: { libraryId: string; count: number; initialIssues?: ScanIssue[] }) {
  const [open, setOpen] = useState(false);
  const issues = useScanIssues(libraryId, initialIssues, { enabled: open || initialIssues !== undefined });
  if (count === 0) return null;
  return (
    <details
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="group rounded-2xl border border-amber-500/25 bg-zinc-900/60 shadow-xl shadow-black/20"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-2xl px-5 py-4 text-sm font-semibold text-amber-200 hover:bg-white/[0.02] focus-visible:outline-2 focus-visible:outline-accent-400 [&::-webkit-details-marker]:hidden">
        <span>Scan problems ({count})</span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 text-zinc-400 transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </summary>
      <div className="border-t border-white/5 px-5 py-4">
        {issues.isError ? (
          <p className="text-sm text-red-300">{formError(issues.error)}</p>
        ) : !issues.data ? (
          <p className="text-sm text-zinc-400">Loading…</p>
        ) : (
          <ul className="divide-y divide-white/5 text-sm">
            {issues.data.map((issue, i) => (
              <li key={`${issue.path}\u0000${i}`} className="grid gap-1 py-2.5 sm:grid-cols-[minmax(0,1fr)_9rem] sm:gap-4">
                <div className="min-w-0">
                  <p className="break-all font-mono text-xs text-zinc-200">{issue.path}</p>
                  <p className="mt-0.5 text-zinc-400">{issue.message}</p>
                </div>
                <p className="sm:text-right">
                  <span className="rounded-full bg-white/5 px-2 py-0.5 text-xs text-zinc-300 ring-1 ring-inset ring-white/10">{issue.reason}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
