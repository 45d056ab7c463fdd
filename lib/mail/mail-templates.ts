// The mails Marquee sends, as text and HTML. Each names the server (PUBLIC_URL) and carries no
// secret but the single-use token inside its link.
import { config } from '@/lib/config';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type MailKind = 'activation' | 'password_reset' | 'email_change';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function hoursText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}

interface Template {
  subject: string;
  intro: string;
  action: string;
  path: string;
  ttlMs: number;
  ignore: string;
}

function render(t: Template, username: string, token: string): MailContent {
  const server = config().publicUrl;
  const link = `${server}${t.path}?token=${encodeURIComponent(token)}`;
  const expires = `The link works once and expires in ${hoursText(t.ttlMs)}.`;
  const text = [
    `Hello ${username},`,
    '',
    t.intro.replace('{server}', server),
    '',
    `${t.action}:`,
    link,
    '',
    expires,
    t.ignore,
    '',
    `— Marquee at ${server}`,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>Hello ${escapeHtml(username)},</p>
<p>${escapeHtml(t.intro.replace('{server}', server))}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;border-radius:8px;background:#4f46e5;color:#fff;text-decoration:none">${escapeHtml(t.action)}</a></p>
<p style="font-size:13px;color:#52525b">Or open this address: ${escapeHtml(link)}<br>${escapeHtml(expires)} ${escapeHtml(t.ignore)}</p>
<p style="font-size:13px;color:#52525b">— Marquee at <a href="${escapeHtml(server)}">${escapeHtml(server)}</a></p>
</body></html>`;
  return { subject: t.subject, text, html };
}

export function activationMail(username: string, token: string): MailContent {
  return render(
    {
      subject: 'Activate your Marquee account',
      intro: 'An account with this email address was created on the Marquee server at {server}.',
      action: 'Activate your account',
      path: '/activate',
      ttlMs: config().mail.activationTtlMs,
      ignore: 'If you did not sign up, ignore this mail: the account stays inactive.',
    },
    username,
    token,
  );
}

export function passwordResetMail(username: string, token: string): MailContent {
  return render(
    {
      subject: 'Reset your Marquee password',
      intro: 'Someone asked to reset the password of your account on the Marquee server at {server}.',
      action: 'Choose a new password',
      path: '/reset-password',
      ttlMs: config().mail.passwordResetTtlMs,
      ignore: 'If it was not you, ignore this mail: your password stays as it is.',
    },
    username,
    token,
  );
}

export function emailChangeMail(username: string, token: string): MailContent {
  return render(
    {
      subject: 'Confirm your new email address for Marquee',
      intro: 'You asked to use this address for your account on the Marquee server at {server}.',
      action: 'Confirm this address',
      path: '/confirm-email',
      ttlMs: config().mail.activationTtlMs,
      ignore: 'If it was not you, ignore this mail: the account keeps its current address.',
    },
    username,
    token,
  );
}
