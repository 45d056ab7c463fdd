import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { backupOverviewSchema } from '@/lib/backup/backup-admin';

export const backupOverviewContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/backups',
  access: 'admin',
  summary: 'Exports: the schedule, the last run and the files kept',
  description: 'Exports are one versioned JSON document each (every account, watch state, library and item edit; API keys as hashes; no tokens), in DATA_DIR/exports. `npm run import -- FILE` restores one into an empty database.',
  tags: ['admin'],
  response: { status: 200, description: 'Schedule, last run, files', schema: backupOverviewSchema },
});

export const createBackupContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/backups',
  access: 'admin',
  summary: 'Export now',
  description: 'Queues an export in the worker; its progress and outcome show in GET /api/v1/admin/backups (`last`). One runs at a time: asking again while one is queued answers the same job.',
  tags: ['admin'],
  response: { status: 202, description: 'Queued', schema: z.object({ job_id: z.string() }) },
});

export const downloadBackupContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/backups/{name}',
  access: 'admin',
  summary: 'Download one export',
  tags: ['admin'],
  params: z.object({ name: z.string().min(1).max(200) }),
  response: { status: 200, description: 'The export', contentType: 'application/json', schema: z.string().meta({ format: 'binary' }) },
  errors: ['not_found'],
});
