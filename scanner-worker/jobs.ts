// Every job type the worker runs, which job follows which, and the recurring ones it schedules.
// New jobs are added here.
import type { AnyJobDefinition } from '@/lib/jobs/define-job';
import { followUp, pipelineStep, type PipelineStep } from '@/lib/jobs/follow-ups';
import { scheduleCronJob, scheduleJob, type ScheduledJob } from '@/lib/jobs/schedule';
import { parseCron } from '@/lib/cron/cron';
import { backupExportJob } from '@/lib/backup/backup-job';
import { systemCleanupJob } from '@/lib/system/system-cleanup-job';
import { libraryMetadataJob } from '@/lib/metadata/library-metadata-job';
import { subtitleExtractJob } from '@/lib/stream/subtitle-job';
import { transcodeSessionJob } from '@/lib/stream/transcode-job';
import { trickplayJob } from '@/lib/stream/trickplay';
import { renditionsJob } from '@/lib/stream/renditions-job';
import { localMetadataJob } from '@/lib/metadata/local-metadata-job';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';
import { tvdbSyncJob } from '@/lib/tvdb/tvdb-sync-job';
import { traktAdoptJob, traktDeviceJob, traktEnrichJob, traktSweepJob, traktSyncJob } from '@/lib/trakt/trakt-jobs';
import { config } from '@/lib/config';
import { mailDrainJob, mailSendJob } from '@/lib/mail/mail-send-job';
import { demoResetJob } from '@/lib/users/demo-reset-job';

const HOUR_MS = 60 * 60 * 1000;

export const jobDefinitions: readonly AnyJobDefinition[] = [
  systemCleanupJob,
  scanLibraryJob as AnyJobDefinition,
  localMetadataJob as AnyJobDefinition,
  libraryMetadataJob as AnyJobDefinition,
  transcodeSessionJob as AnyJobDefinition,
  subtitleExtractJob as AnyJobDefinition,
  trickplayJob as AnyJobDefinition,
  tvdbSyncJob as AnyJobDefinition,
  backupExportJob as AnyJobDefinition,
  traktSyncJob as AnyJobDefinition,
  traktDeviceJob as AnyJobDefinition,
  traktSweepJob as AnyJobDefinition,
  traktEnrichJob as AnyJobDefinition,
  traktAdoptJob as AnyJobDefinition,
  mailSendJob as AnyJobDefinition,
  mailDrainJob as AnyJobDefinition,
  demoResetJob as AnyJobDefinition,
  renditionsJob as AnyJobDefinition,
];

/** Queued by the runner after a job succeeds. */
export const jobPipeline: readonly PipelineStep[] = [
  // The items a scan created or whose files changed get NFO, artwork and frame grabs; the stored
  // result keeps the counts and how many were queued, not the ids.
  pipelineStep(scanLibraryJob, {
    // New or changed files: libraries with a ladder get their renditions (the job finds which lack them).
    next: (result) => {
      const touched = 'touched_item_ids' in result ? result.touched_item_ids : [];
      return [...touched.map((itemId) => followUp(localMetadataJob, { itemId })), ...(touched.length > 0 ? [followUp(renditionsJob, {})] : [])];
    },
    keep(result, queued) {
      if (!('touched_item_ids' in result)) return result; // skipped: the library was removed
      const { touched_item_ids: _ids, ...counts } = result;
      // `queued` may include the one renditions job: count metadata jobs only.
      return { ...counts, metadata_queued: Math.min(queued, _ids.length) };
    },
  }),
  // A pull that changed something: TMDB metadata for its catalog-only titles (not inside the pull).
  pipelineStep(traktSyncJob, { next: (r) => ('runId' in r && r.status === 'ok' && !r.unchanged ? [followUp(traktEnrichJob, {})] : []) }),
  // An item identified: catalog-only Trakt titles it may now be library items (one job at a time).
  pipelineStep(localMetadataJob, { next: (r) => (r.found ? [followUp(traktAdoptJob, {})] : []) }),
];

/** The recurring jobs; a function, as intervals come from the config the worker has loaded. */
export function scheduledJobs(): readonly ScheduledJob[] {
  const { cron } = config().backup;
  return [
    scheduleJob(systemCleanupJob, {}, HOUR_MS),
    scheduleJob(tvdbSyncJob, {}, config().tvdb.syncMs),
    scheduleJob(traktSweepJob, {}, 60_000),
    // Catalog-only titles' TMDB metadata is refreshed rarely (a week for shows, a month for movies).
    scheduleJob(traktEnrichJob, {}, 24 * HOUR_MS),
    ...(cron ? [scheduleCronJob(backupExportJob, { reason: 'scheduled' }, parseCron(cron))] : []),
    // Picks up mail left queued without a job (a crash between recording it and queuing its job).
    scheduleJob(mailDrainJob, {}, 5 * 60 * 1000),
    scheduleJob(demoResetJob, {}, 24 * HOUR_MS),
  ];
}
