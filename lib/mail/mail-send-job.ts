// mail.send: the worker sends one outbox mail, off the request path. A failed attempt is retried
// with the queue's backoff (5 s, 10 s, 20 s, 40 s); after the last the mail is marked `failed`.
// mail.drain (recurring) re-queues any mail left `queued` without a job, e.g. after a crash.
import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { jobQueue } from '@/lib/jobs/job-queue';
import { deliverMail, MAIL_MAX_ATTEMPTS } from './deliver-mail';

export const mailSendJob = defineJob({
  name: 'mail.send',
  schema: z.object({ mailId: z.string().min(1) }),
  maxAttempts: MAIL_MAX_ATTEMPTS,
  dedupeKey: ({ mailId }) => `mail:${mailId}`,
  handle: async ({ mailId }) => ({ outcome: await deliverMail(mailId) }),
});

export const mailDrainJob = defineJob({
  name: 'mail.drain',
  schema: z.object({}),
  dedupeKey: () => 'mail.drain',
  async handle() {
    const queued = await db.outboxMail.findMany({ where: { status: 'queued' }, select: { id: true }, take: 500 });
    let requeued = 0;
    for (const { id } of queued) {
      const { deduped } = await jobQueue().enqueue(mailSendJob, { mailId: id });
      if (!deduped) requeued++;
    }
    return { queued: queued.length, requeued };
  },
});
