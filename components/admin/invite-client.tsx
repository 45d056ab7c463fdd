'use client';
// Admin → Invites: make a single-use code (valid 7 days) and show it once, with a sign-up link.
// Codes work in every registration mode; while invites are off there is nothing to make.
import { formError } from '@/components/queries/api-fetch';
import { useCreateInvite } from '@/components/queries/use-invites';
import { useServerSettings, type ServerSettings } from '@/components/queries/use-server-settings';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button-client';
import { formatDate } from '@/components/ui/format-date';

export function InviteCreator({ initialSettings }: { initialSettings: ServerSettings }) {
  const { data: settings = initialSettings } = useServerSettings(initialSettings);
  const create = useCreateInvite();
  const invite = create.data;
  const link = invite ? `/register?invite=${encodeURIComponent(invite.code)}` : '';
  return (
    <div className="space-y-4">
      <Button onClick={() => create.mutate()} pending={create.isPending} disabled={!settings.invites}>
        Create invite
      </Button>
      {!settings.invites && <p className="text-xs text-zinc-400">Invites are off: turn them on under Sign-ups to make one.</p>}
      {create.error && <Alert tone="error">{formError(create.error)}</Alert>}
      {invite && (
        <div role="status" className="rounded-xl border border-accent-400/30 bg-accent-400/5 p-4">
          <p className="text-sm text-zinc-300">
            Single-use code, valid until <time dateTime={invite.expires_at}>{formatDate(invite.expires_at)}</time>. Copy it now: it won’t be shown again.
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <code data-testid="new-invite-code" className="min-w-0 flex-1 select-all break-all rounded-lg bg-zinc-950 px-3 py-2 font-mono text-sm text-zinc-100 ring-1 ring-white/10">
              {invite.code}
            </code>
            <CopyButton value={invite.code} />
          </div>
          <p className="mt-3 text-xs text-zinc-400">
            Or share the sign-up link:{' '}
            <a href={link} className="break-all font-mono text-accent-300 hover:underline">
              {link}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
