// The device-code link, started from the web: the code for the user, and a job for the worker to poll Trakt.
import { jobQueue } from '@/lib/jobs/job-queue';
import { startDeviceFlow } from './oauth';
import { traktDeviceJob } from './trakt-jobs';

export async function startDeviceLink(userId: string) {
  const { id, ...code } = await startDeviceFlow(userId);
  await jobQueue().enqueue(traktDeviceJob, { stateId: id });
  return code;
}
