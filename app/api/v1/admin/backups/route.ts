// GET /api/v1/admin/backups — schedule, last run, files; POST — export now (admin)
import { backupOverviewContract, createBackupContract } from '@/lib/api/backup-contracts';
import { backupOverview, requestBackup } from '@/lib/backup/backup-admin';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(backupOverviewContract, () => backupOverview()),
  handle(createBackupContract, () => requestBackup()),
);
