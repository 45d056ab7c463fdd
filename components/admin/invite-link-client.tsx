'use client';
// An invite link shown once, to copy and send: the new user opens it to choose a password.
import { CopyButton } from '@/components/ui/copy-button-client';
import { formatDate } from '@/components/ui/format-date';

export function InviteLink({ url, expiresAt, username }: { url: string; expiresAt: string; username: string }) {
  return (
    <div role="status" className="rounded-xl border border-accent-400/30 bg-accent-400/5 p-4">
      <p className="text-sm text-zinc-300">
        Send this link to <span className="font-medium text-zinc-100">{username}</span>: it opens a page to choose a password. It works once, until{' '}
        <time dateTime={expiresAt}>{formatDate(expiresAt)}</time>.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="account-invite-link" className="min-w-0 flex-1 select-all break-all rounded-lg bg-zinc-950 px-3 py-2 font-mono text-xs text-zinc-100 ring-1 ring-white/10">
          {url}
        </code>
        <CopyButton value={url} label="Copy link" />
      </div>
    </div>
  );
}
