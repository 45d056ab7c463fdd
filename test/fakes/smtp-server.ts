// A real SMTP relay on 127.0.0.1 for tests (the smtp-server package): STARTTLS with a self-signed
// certificate made by openssl for this run, AUTH required (and only after STARTTLS, as a relay
// would), and every accepted message parsed with mailparser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../wait-for';

export const SMTP_USER = 'marquee';
export const SMTP_PASSWORD = 'relay secret';

export interface ReceivedMail {
  to: string[];
  from: string;
  /** Whether the message came over TLS (after STARTTLS). */
  secure: boolean;
  user: string | undefined;
  parsed: ParsedMail;
}

export interface FakeSmtp {
  /** SMTP_URL for it, with the right credentials (or `password` instead). */
  url(password?: string): string;
  /** SMTP_CA_FILE: the self-signed certificate to trust. */
  caFile: string;
  received: ReceivedMail[];
  /** Waits for the next message to this address that was not returned before. */
  nextMailTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Makes a key and a self-signed certificate for 127.0.0.1 and localhost, valid one day. */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-smtp-'));
  const { key, cert, certFile } = selfSignedCertificate(dir);
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    secure: false,
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    disabledCommands: [],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            secure: session.secure,
            user: session.user as string | undefined,
            parsed,
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: (password = SMTP_PASSWORD) => `smtp://${SMTP_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    caFile: certFile,
    received,
    async nextMailTo(address, timeoutMs = 30_000) {
      const mail = await waitFor(() => received.find((m) => !taken.has(m) && m.to.includes(address)), { timeoutMs, what: `a mail to ${address}` });
      taken.add(mail);
      return mail;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The first link in a mail's text body that starts with this URL. */
export function linkIn(mail: ReceivedMail, prefix: string): URL {
  const text = mail.parsed.text ?? '';
  const match = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!match) throw new Error(`no link starting ${prefix} in:\n${text}`);
  return new URL(match);
}
