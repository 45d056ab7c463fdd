// /admin/backup — exports of the whole database: the files kept, the schedule, the last run (a
// failed one with its reason), "Export now"; `npm run import -- FILE` restores one. For admins.
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { Backups } from '@/components/admin/backups-client';
import { AppShell } from '@/components/layout/app-shell';
import { Panel } from '@/components/ui/panel';
import { backupOverview } from '@/lib/backup/backup-admin';
import { requirePageAdmin } from '@/lib/http/page-user';

export const metadata: Metadata = { title: 'Backup' };
export const dynamic = 'force-dynamic';

export default async function AdminBackupPage() {
  const admin = await requirePageAdmin('/admin/backup');
  const overview = await backupOverview();
  return (
    <AppShell user={admin} current="admin" title="Backup" description="Every account, watch state, library and item edit as one JSON file.">
      <AdminNav current="backup" />
      <Panel
        title="Exports"
        description={`Kept in ${overview.schedule.folder}. API keys are kept as hashes; sign-in tokens and third-party credentials never leave. Restore one with: npm run import -- FILE (into an empty database).`}
      >
        <Backups initial={overview} />
      </Panel>
    </AppShell>
  );
}
