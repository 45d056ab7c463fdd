'use client';
// Admin → Backup: the export files with their sizes (each a download), the last run — failed or
// not, with its reason — and "Export now", which queues an export and follows it until it ends.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { backupOverview } from '@/lib/backup/backup-admin';
import { apiFetch, formError } from '@/components/queries/api-fetch';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { formatDate } from '@/components/ui/format-date';

export type BackupOverview = Awaited<ReturnType<typeof backupOverview>>;
const KEY = ['admin', 'backups'] as const;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) [v, i] = [v / 1024, i + 1];
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function Backups({ initial }: { initial: BackupOverview }) {
  const qc = useQueryClient();
  const exportNow = useMutation({
    mutationFn: () => apiFetch<{ job_id: string }>('/api/v1/admin/backups', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const startedAt = exportNow.submittedAt;
  const { data = initial } = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiFetch<BackupOverview>('/api/v1/admin/backups', { signal }),
    initialData: initial,
    // While an export asked for here has not ended, look again every second.
    refetchInterval: (q) => (startedAt && exportNow.isSuccess && !(q.state.data?.last && Date.parse(q.state.data.last.at) >= startedAt) ? 1000 : false),
  });
  const running = exportNow.isPending || (exportNow.isSuccess && !(data.last && Date.parse(data.last.at) >= startedAt));
  const { last, schedule, files } = data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => exportNow.mutate()} pending={running}>
          {running ? 'Exporting…' : 'Export now'}
        </Button>
        <p className="text-sm text-zinc-400" data-testid="backup-schedule">
          {schedule.cron ? `Scheduled: ${schedule.cron} (server time), next ${formatDate(schedule.next_at)}; the newest ${schedule.keep} are kept.` : 'Scheduled exports are off (EXPORT_CRON=off).'}
        </p>
      </div>
      {exportNow.error && <Alert tone="error">{formError(exportNow.error)}</Alert>}
      {last && !last.ok && (
        <Alert tone="error">
          <span data-testid="backup-failed">
            The last export ({last.reason}, {formatDate(last.at)}) failed: {last.error}
          </span>
        </Alert>
      )}
      {last?.ok && (
        <p className="text-sm text-zinc-400" data-testid="backup-last">
          Last export {formatDate(last.at)} ({last.reason}): {last.rows} rows, {formatBytes(last.size ?? 0)}.
        </p>
      )}
      <DataTable caption="Export files" minWidth="28rem" columns={['File', 'Size', 'Made']}>
        {files.length === 0 && (
          <tr>
            <td colSpan={3} className="px-4 py-6 text-center text-sm text-zinc-400">
              No exports yet.
            </td>
          </tr>
        )}
        {files.map((f) => (
          <tr key={f.name} data-testid="backup-file">
            <td className="px-4 py-3 font-mono text-sm">
              <a className="text-accent-300 hover:underline" href={`/api/v1/admin/backups/${encodeURIComponent(f.name)}`} download>
                {f.name}
              </a>
            </td>
            <td className="px-4 py-3 text-sm">{formatBytes(f.size)}</td>
            <td className="px-4 py-3 text-sm">{formatDate(f.created_at)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
