// /admin/system — the server's health as an admin needs it: database, worker heartbeat, and the
// ffmpeg in use with what it can do; a feature the build lacks is listed with the fix. For admins.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { AppShell } from '@/components/layout/app-shell';
import { DataTable } from '@/components/ui/data-table';
import { Panel } from '@/components/ui/panel';
import { requirePageAdmin } from '@/lib/http/page-user';
import { getHealth } from '@/lib/system/health';

export const metadata: Metadata = { title: 'System' };
export const dynamic = 'force-dynamic';

const FEATURES: Record<string, string> = {
  transcode: 'Transcoding (H.264/AAC HLS)',
  remux: 'Remuxing to HLS',
  trickplay: 'Scrub previews',
  subtitles: 'Subtitles as WebVTT',
  burn_subtitles: 'Burning image subtitles in',
  probe_mpegts: 'Scanning MPEG-TS files',
};

export default async function AdminSystemPage() {
  const admin = await requirePageAdmin('/admin/system');
  const health = await getHealth();
  const { ffmpeg, worker } = health;
  return (
    <AppShell user={admin} current="admin" title="System" description="What this server runs on, and what it can do.">
      <AdminNav current="system" />
      <div className="space-y-6">
        <Panel title="Status" description={health.status === 'ok' ? 'Everything is working.' : 'Something needs attention: see below.'}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="system-status">
            <dt className="text-zinc-400">Database</dt>
            <dd>{health.db === 'ok' ? 'answering' : 'not answering'}</dd>
            <dt className="text-zinc-400">Worker</dt>
            <dd>
              {worker.age_seconds === null ? 'no heartbeat yet' : `last heartbeat ${worker.age_seconds} s ago`}
              {worker.open_fds !== null && ` · ${worker.open_fds}${worker.fd_limit !== null ? ` of ${worker.fd_limit}` : ''} file descriptors open`}
            </dd>
            <dt className="text-zinc-400">ffmpeg</dt>
            <dd className="break-all">{ffmpeg.path ? `${ffmpeg.version} (${ffmpeg.source === 'bundled' ? 'bundled from npm' : ffmpeg.source === 'env' ? 'FFMPEG_PATH' : 'on PATH'}) — ${ffmpeg.path}` : 'not found'}</dd>
          </dl>
          {health.reasons.length > 0 && (
            <ul role="alert" data-testid="health-reasons" className="mt-4 list-disc space-y-1 rounded-xl border border-amber-400/30 bg-amber-400/10 px-8 py-3 text-sm text-amber-200">
              {health.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Media features" description="Probed once at start from the ffmpeg in use.">
          {ffmpeg.fix && (
            <p role="alert" data-testid="ffmpeg-fix" className="mb-4 rounded-xl border border-amber-400/30 bg-amber-400/10 px-4 py-3 text-sm text-amber-200">
              {ffmpeg.fix}
            </p>
          )}
          <DataTable caption="Media features" minWidth="24rem" columns={['Feature', 'State']}>
            {ffmpeg.features.map((f) => (
              <tr key={f.name} data-testid={`feature-${f.name}`} className="align-top">
                <td className="px-4 py-3 font-medium">{FEATURES[f.name] ?? f.name}</td>
                <td className="px-4 py-3 text-sm">{f.ok ? <span className="text-emerald-300">on</span> : <span className="text-amber-200">off — {f.reason}</span>}</td>
              </tr>
            ))}
          </DataTable>
        </Panel>
      </div>
    </AppShell>
  );
}
