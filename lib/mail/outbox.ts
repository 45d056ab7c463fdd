// Every mail goes through here. With SMTP_URL it is recorded as `queued` and the worker sends it
// (mail.send); without, it is `kept` for an admin to read in Admin → Outbox. Either way nothing
// vanishes: sent and failed mails stay listed with their status and error.
import { z } from 'zod';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { jobQueue } from '@/lib/jobs/job-queue';
import { mailSendJob } from './mail-send-job';
import type { MailContent, MailKind } from './mail-templates';
import { smtpTarget } from './smtp-transport';

export async function sendMail(kind: MailKind, to: string, content: MailContent): Promise<{ id: string; status: 'queued' | 'kept' }> {
  const status = config().mail.smtpUrl ? 'queued' : 'kept';
  const mail = await db.outboxMail.create({ data: { kind, to, ...content, status } });
  if (status === 'queued') await jobQueue().enqueue(mailSendJob, { mailId: mail.id });
  return { id: mail.id, status };
}

export const outboxMailSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string().describe('The text body; once sent, the token in its link is no longer kept'),
  status: z.enum(['queued', 'sent', 'failed', 'kept']).describe('kept: no SMTP_URL, the mail waits here for an admin to pass on'),
  attempts: z.number().int(),
  error: z.string().nullable().describe('Why the last attempt failed'),
  sent_at: z.string().nullable(),
  created_at: z.string(),
});

export const outboxSchema = z.object({
  smtp: z.string().nullable().describe('The SMTP server mail goes to (scheme, host, port), or null: mail is kept here'),
  mails: z.array(outboxMailSchema),
});
export type Outbox = z.infer<typeof outboxSchema>;

export const outboxQuerySchema = z.object({
  status: z.enum(['queued', 'sent', 'failed', 'kept']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function listOutbox(query: z.infer<typeof outboxQuerySchema>): Promise<Outbox> {
  const rows = await db.outboxMail.findMany({
    where: query.status ? { status: query.status } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
  });
  return {
    smtp: smtpTarget(),
    mails: rows.map((m) => ({
      id: m.id,
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      text: m.text,
      status: m.status,
      attempts: m.attempts,
      error: m.error,
      sent_at: m.sentAt?.toISOString() ?? null,
      created_at: m.createdAt.toISOString(),
    })),
  };
}

/** The one line the web process logs at start about where mail goes. */
export function mailModeNotice(): string {
  const target = smtpTarget();
  return target
    ? `mail is sent through ${target} by the worker (failures are listed in Admin → Outbox)`
    : 'SMTP_URL is not set: mail (account activation, password reset) is kept in Admin → Outbox instead of being sent';
}
