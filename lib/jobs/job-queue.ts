// The process's job queue: the Job-table backend (a BullMQ backend comes with the scale-out step).
import { createDbQueue } from './db-queue';
import type { JobQueue } from './queue';

let queue: JobQueue | undefined;

export function jobQueue(): JobQueue {
  queue ??= createDbQueue();
  return queue;
}
