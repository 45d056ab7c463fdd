// GET /api/v1/admin/backups/:name — download one export (admin)
import { downloadBackupContract } from '@/lib/api/backup-contracts';
import { backupDownload } from '@/lib/backup/backup-admin';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(downloadBackupContract, ({ params }) => backupDownload(params.name)));
