// /api/v1/uploads and /api/v1/uploads/* answered by the web server before Next: the request body
// streams straight into the tus file store (lib/upload/serve-upload.ts does the checks and the protocol).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { isUploadPath, serveUpload } from '@/lib/upload/serve-upload';

export function isUploadRequest(url: string | undefined): boolean {
  return !!url && isUploadPath(url.split('?')[0]);
}

export async function serveUploadNode(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  const controller = new AbortController();
  req.on('close', () => {
    if (!req.complete) controller.abort();
  });
  const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
  try {
    const answer = await serveUpload(request);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    if (!answer.body || method === 'HEAD') {
      res.end();
      return;
    }
    Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream).pipe(res);
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The upload failed on the server.' } }));
  }
}
