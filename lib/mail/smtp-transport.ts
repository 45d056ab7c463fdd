// The SMTP connection nodemailer sends through, built from SMTP_URL: smtp://user:pass@host:587
// (STARTTLS when the server offers it) or smtps://user:pass@host:465 (TLS from the start).
// SMTP_CA_FILE trusts a private CA (a relay with a self-signed certificate) without turning
// certificate checks off.
import { readFileSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '@/lib/config';

let cached: { url: string; transport: Transporter } | undefined;

/** The transport for SMTP_URL, or null when no SMTP server is configured (mail stays in the outbox). */
export function smtpTransport(): Transporter | null {
  const { smtpUrl, caFile } = config().mail;
  if (!smtpUrl) return null;
  if (cached?.url === smtpUrl) return cached.transport;
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: caFile ? { ca: readFileSync(caFile) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  cached = { url: smtpUrl, transport };
  return transport;
}

/** The configured relay as people may see it: host and port, never the credentials. */
export function smtpTarget(): string | null {
  const { smtpUrl } = config().mail;
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
