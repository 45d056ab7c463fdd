// Sends one outbox mail over SMTP and records how it went: `sent`, or the error of this attempt
// (and `failed` once the last attempt has failed), so a failure is visible in Admin → Outbox.
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { smtpTransport } from './smtp-transport';

export const MAIL_MAX_ATTEMPTS = 5;

/** Once a mail has left, the stored copy no longer needs the link's token. */
export function redactTokens(body: string): string {
  return body.replace(/token=[A-Za-z0-9_%.-]+/g, 'token=[sent, not kept]');
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

/** Sends a queued mail; throws after a failed attempt that may be retried (the job runner backs off). */
export async function deliverMail(mailId: string): Promise<DeliveryOutcome> {
  const mail = await db.outboxMail.findUnique({ where: { id: mailId } });
  if (!mail || mail.status !== 'queued') return 'skipped';
  const attempts = mail.attempts + 1;
  const transport = smtpTransport();
  try {
    if (!transport) throw new Error('SMTP_URL is not set in the worker, so it cannot send mail.');
    await transport.sendMail({ from: config().mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const last = attempts >= MAIL_MAX_ATTEMPTS;
    await db.outboxMail.update({ where: { id: mail.id }, data: { attempts, error: error.slice(0, 1000), status: last ? 'failed' : 'queued' } });
    if (last) return 'failed';
    throw new Error(`mail ${mail.id} to ${mail.to}: ${error} (attempt ${attempts} of ${MAIL_MAX_ATTEMPTS})`, { cause: err });
  }
  await db.outboxMail.update({
    where: { id: mail.id },
    data: { attempts, status: 'sent', error: null, sentAt: new Date(), text: redactTokens(mail.text), html: redactTokens(mail.html) },
  });
  return 'sent';
}
