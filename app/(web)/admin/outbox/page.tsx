// /admin/outbox — every mail Marquee sent or would send: with SMTP_URL, sent and failed mail (with
// the error); without it, the mail kept here for the admin to pass on (activation and reset links).
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { AppShell } from '@/components/layout/app-shell';
import { Panel } from '@/components/ui/panel';
import { formatDate } from '@/components/ui/format-date';
import { requirePageAdmin } from '@/lib/http/page-user';
import { listOutbox } from '@/lib/mail/outbox';

export const metadata: Metadata = { title: 'Outbox' };
export const dynamic = 'force-dynamic';

const STATUS: Record<string, { label: string; className: string }> = {
  sent: { label: 'sent', className: 'text-emerald-300' },
  queued: { label: 'waiting to be sent', className: 'text-zinc-300' },
  failed: { label: 'failed', className: 'text-red-300' },
  kept: { label: 'kept here (no SMTP server)', className: 'text-amber-200' },
};

export default async function AdminOutboxPage() {
  const admin = await requirePageAdmin('/admin/outbox');
  const outbox = await listOutbox({ limit: 100 });
  return (
    <AppShell user={admin} current="admin" title="Outbox" description="The mail this server sends: account activation, password reset, email change.">
      <AdminNav current="outbox" />
      <div className="space-y-6">
        {outbox.smtp ? (
          <p className="text-sm text-zinc-400" data-testid="mail-mode">
            Mail is sent through <span className="font-mono text-zinc-200">{outbox.smtp}</span> by the worker; a failed mail is retried and, if it still fails, listed with the error.
          </p>
        ) : (
          <p role="status" data-testid="mail-mode" className="rounded-xl border border-amber-400/30 bg-amber-400/10 px-4 py-3 text-sm text-amber-200">
            No SMTP server is configured (SMTP_URL), so mail is not sent: it is kept here. Pass the link on to its owner, or set SMTP_URL
            (smtp://user:pass@host:587) and restart.
          </p>
        )}
        {outbox.mails.length === 0 ? (
          <p className="text-sm text-zinc-400">No mail yet.</p>
        ) : (
          <ul className="space-y-4" aria-label="Mail">
            {outbox.mails.map((m) => (
              <li key={m.id} data-testid="outbox-mail">
                <Panel title={m.subject} description={`To ${m.to} · ${formatDate(m.created_at)}`}>
                  <p className={`text-sm ${STATUS[m.status].className}`}>
                    {STATUS[m.status].label}
                    {m.status === 'sent' && m.sent_at ? ` ${formatDate(m.sent_at)}` : ''}
                    {m.attempts > 1 ? ` after ${m.attempts} attempts` : ''}
                  </p>
                  {m.error && <p className="mt-1 break-all text-sm text-red-300">{m.error}</p>}
                  <pre className="mt-3 whitespace-pre-wrap break-all rounded-lg bg-black/30 p-3 text-xs text-zinc-300">{m.text}</pre>
                </Panel>
              </li>
            ))}
          </ul>
        )}
      </div>
    </AppShell>
  );
}
