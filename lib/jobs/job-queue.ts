// The process's job queue: the Job-table backend; the BullMQ backend takes over when REDIS_URL is set.
import { createDbQueue } from './db-queue';
import type { JobQueue } from './queue';

let queue: JobQueue | undefined;

export function jobQueue(): JobQueue {
  queue ??= createDbQueue();
  return queue;
}
