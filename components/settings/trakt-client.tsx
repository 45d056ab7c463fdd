'use client';
// Settings → Trakt: link (OAuth redirect or device code), the link's status (needs re-authorisation,
// rate limited…), Sync now with a progress bar, the sync log, unlink, and your own Trakt app keys.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, formError } from '@/components/queries/api-fetch';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/components/ui/format-date';
import { TextField } from '@/components/ui/text-field';

type Device = { user_code: string; verification_url: string; expires_at: string } | null;
type Status =
  | { authenticated: false; auth_url: string | null; device: Device }
  | { authenticated: true; token_expired: boolean; expires_at: string; status: string; status_message: string | null; username: string | null; last_sync_at: string | null; device: Device };
type SyncJob = { job_id: string; status: string; progress: number; message: string | null; error: string | null; result: Record<string, unknown> | null };
type SyncLog = { pending_pushes: number; runs: { id: string; trigger: string; status: string; started_at: string; requests: number; pulled: number; pushed: number; unchanged: boolean; error: string | null }[] };

const STATUS_TEXT: Record<string, string> = {
  ok: 'Linked',
  needs_reauth: 'Needs re-authorisation',
  rate_limited: 'Rate limited by Trakt',
  account_limit: 'Over Trakt account limits',
  locked: 'Trakt account locked',
  unavailable: 'Trakt unreachable at the last try',
};
const ERROR_TEXT: Record<string, string> = {
  trakt_invalid_state: 'That Trakt authorisation was not started here, expired, or was already used. Link again.',
  trakt_invalid_code: 'Trakt refused the authorisation code. Link again.',
};

export function TraktSettings({ notice }: { notice: { linked: boolean; error: string | null } }) {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['trakt', 'status'],
    queryFn: () => apiFetch<Status>('/api/v1/trakt/auth-status'),
    // While a device code waits for approval, look again every 2 s.
    refetchInterval: (q) => (q.state.data?.device ? 2000 : false),
  });
  const log = useQuery({ queryKey: ['trakt', 'log'], queryFn: () => apiFetch<SyncLog>('/api/v1/trakt/sync-log'), enabled: status.data?.authenticated === true });
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['trakt', 'job', jobId],
    queryFn: () => apiFetch<SyncJob>(`/api/v1/trakt/sync/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && ['completed', 'failed', 'cancelled'].includes(q.state.data.status) ? false : 700),
  });
  const jobDone = job.data && ['completed', 'failed', 'cancelled'].includes(job.data.status);
  useEffect(() => {
    if (jobDone) void qc.invalidateQueries({ queryKey: ['trakt'] , predicate: (q) => q.queryKey[1] !== 'job' });
  }, [jobDone, qc]);

  const link = useMutation({
    mutationFn: () => apiFetch<{ auth_url: string }>('/api/v1/trakt/authenticate'),
    onSuccess: (r) => window.location.assign(r.auth_url),
  });
  const device = useMutation({
    mutationFn: () => apiFetch('/api/v1/trakt/device-code', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trakt', 'status'] }),
  });
  const sync = useMutation({
    mutationFn: () => apiFetch<{ job_id: string }>('/api/v1/trakt/sync', { method: 'POST' }),
    onSuccess: (r) => setJobId(r.job_id),
  });
  const unlink = useMutation({
    mutationFn: () => apiFetch('/api/v1/trakt/link', { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trakt'] }),
  });
  const saveKeys = useMutation({
    mutationFn: async (v: { id: string; secret: string }) => {
      await apiFetch('/api/v1/user/service-keys', { body: { service_name: 'trakt_client_id', api_key: v.id } });
      await apiFetch('/api/v1/user/service-keys', { body: { service_name: 'trakt_client_secret', api_key: v.secret } });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['trakt', 'status'] }),
  });

  const s = status.data;
  const failure = link.error ?? device.error ?? sync.error ?? unlink.error ?? saveKeys.error;
  const running = jobId !== null && !jobDone;

  function submitKeys(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    saveKeys.mutate({ id: String(form.get('client_id') ?? '').trim(), secret: String(form.get('client_secret') ?? '').trim() });
  }

  return (
    <div className="space-y-4" data-testid="trakt-settings">
      {notice.linked && <Alert tone="success">Trakt is linked.</Alert>}
      {notice.error && <Alert tone="error">{ERROR_TEXT[notice.error] ?? `Linking failed (${notice.error}).`}</Alert>}
      {failure && <Alert tone="error">{formError(failure)}</Alert>}
      {!s ? (
        <p className="text-sm text-zinc-400">Loading…</p>
      ) : s.authenticated ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-200" data-testid="trakt-status">
            <span className={s.status === 'ok' ? 'text-emerald-300' : 'text-amber-300'}>{STATUS_TEXT[s.status] ?? s.status}</span>
            {s.username && <> as <strong>{s.username}</strong></>}
            {s.last_sync_at && <> · last sync {formatDate(s.last_sync_at)}</>}
          </p>
          {s.status_message && s.status !== 'ok' && <Alert tone="error">{s.status_message}</Alert>}
          <div className="flex flex-wrap gap-2">
            {s.status === 'needs_reauth' && <Button onClick={() => link.mutate()} pending={link.isPending}>Link again</Button>}
            <Button variant="secondary" onClick={() => sync.mutate()} pending={sync.isPending || running} disabled={s.status === 'needs_reauth'}>
              Sync now
            </Button>
            <Button variant="danger" onClick={() => unlink.mutate()} pending={unlink.isPending}>
              Unlink
            </Button>
          </div>
          {jobId && job.data && (
            <div className="space-y-1" data-testid="trakt-sync-progress">
              <div className="h-2 w-full overflow-hidden rounded bg-white/10" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.data.progress * 100)}>
                <div className="h-full bg-accent-400 transition-all" style={{ width: `${Math.round(job.data.progress * 100)}%` }} />
              </div>
              <p className="text-xs text-zinc-400">{job.data.status === 'completed' ? 'Sync finished.' : job.data.status === 'failed' ? `Sync failed: ${job.data.error ?? ''}` : (job.data.message ?? 'Waiting for the worker…')}</p>
            </div>
          )}
          {log.data && (
            <div className="space-y-2">
              <p className="text-xs text-zinc-400">{log.data.pending_pushes} change(s) waiting to be sent to Trakt.</p>
              <table className="w-full text-left text-xs text-zinc-300" data-testid="trakt-sync-log">
                <thead className="text-zinc-500">
                  <tr><th className="py-1">When</th><th>Result</th><th>Pulled</th><th>Pushed</th><th>Requests</th></tr>
                </thead>
                <tbody>
                  {log.data.runs.map((r) => (
                    <tr key={r.id} className="border-t border-white/5">
                      <td className="py-1">{formatDate(r.started_at)}</td>
                      <td title={r.error ?? undefined}>{r.status === 'ok' ? (r.unchanged ? 'unchanged' : 'ok') : r.status}{r.error ? ` — ${r.error}` : ''}</td>
                      <td>{r.pulled}</td>
                      <td>{r.pushed}</td>
                      <td>{r.requests}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-zinc-300">Link your Trakt account to sync what you watch both ways and scrobble from the player.</p>
          {s.auth_url ? (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => link.mutate()} pending={link.isPending}>Link Trakt</Button>
              <Button variant="secondary" onClick={() => device.mutate()} pending={device.isPending}>Link with a code</Button>
            </div>
          ) : (
            <Alert>No Trakt app is configured: an admin sets TRAKT_CLIENT_ID and TRAKT_CLIENT_SECRET, or store your own app’s keys below.</Alert>
          )}
          {s.device && (
            <div role="status" className="rounded-xl border border-accent-400/30 bg-accent-400/5 p-4 text-sm text-zinc-200" data-testid="trakt-device">
              Go to <a className="text-accent-300 underline" href={s.device.verification_url} target="_blank" rel="noreferrer">{s.device.verification_url}</a> and enter{' '}
              <code className="font-mono text-base text-zinc-50">{s.device.user_code}</code>. This page updates once you approve.
            </div>
          )}
        </div>
      )}
      <details className="text-sm text-zinc-300">
        <summary className="cursor-pointer text-zinc-400">Use your own Trakt app</summary>
        <form onSubmit={submitKeys} className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
          <TextField label="Client ID" name="client_id" required autoComplete="off" />
          <TextField label="Client secret" name="client_secret" type="password" required autoComplete="off" />
          <Button type="submit" pending={saveKeys.isPending}>Save</Button>
        </form>
        {saveKeys.isSuccess && <p className="mt-2 text-xs text-emerald-300">Saved (encrypted). They are used instead of the server’s app.</p>}
      </details>
    </div>
  );
}
