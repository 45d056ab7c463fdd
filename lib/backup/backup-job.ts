// backup.export: one export into DATA_DIR/exports — at the times EXPORT_CRON names (default Sunday
// 06:00 server time), or when an admin asks for one. A failed run is recorded (admin page, health).
import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define-job';
import { runBackup } from './backup-files';

export const backupExportJob = defineJob({
  name: 'backup.export',
  schema: z.object({ reason: z.enum(['manual', 'scheduled']) }),
  dedupeKey: () => 'backup.export',
  // A failed export is reported, not retried in a loop: the next one is the next scheduled run or a click.
  maxAttempts: 1,
  async handle({ reason }) {
    const run = await runBackup(reason);
    return { file: run.file, size: run.size, rows: run.rows };
  },
});
