// Every job type the worker runs, and the recurring ones it schedules. New jobs are added here.
import type { AnyJobDefinition } from './define-job';
import { scheduleJob, type ScheduledJob } from './schedule';
import { systemCleanupJob } from './system-cleanup-job';
import { libraryMetadataJob } from '@/lib/metadata/library-metadata-job';
import { subtitleExtractJob } from '@/lib/stream/subtitle-job';
import { transcodeSessionJob } from '@/lib/stream/transcode-job';
import { trickplayJob } from '@/lib/stream/trickplay';
import { localMetadataJob } from '@/lib/metadata/local-metadata-job';
import { scanLibraryJob } from '@/lib/scan/scan-library-job';

const HOUR_MS = 60 * 60 * 1000;

export const jobDefinitions: readonly AnyJobDefinition[] = [
  systemCleanupJob,
  scanLibraryJob as AnyJobDefinition,
  localMetadataJob as AnyJobDefinition,
  libraryMetadataJob as AnyJobDefinition,
  transcodeSessionJob as AnyJobDefinition,
  subtitleExtractJob as AnyJobDefinition,
  trickplayJob as AnyJobDefinition,
];

export const scheduledJobs: readonly ScheduledJob[] = [scheduleJob(systemCleanupJob, {}, HOUR_MS)];
