// Reads a JSON request body with a size cap, then validates it with zod. The one body reader of the
// web process: route handlers pass a web Request, the /tvdb/v4 edge (server/) a Node IncomingMessage.
import type { z } from 'zod';
import { ApiError } from '@/lib/errors/api-error';
import { validationError } from './error-response';
import { rejectUnstorableText } from './input-text';
import { unknownFields } from './unknown-fields';

export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body as either edge has it: chunks (a web stream's or a Node request's), and two headers. */
export interface BodySource {
  chunks: AsyncIterable<Uint8Array> | null;
  contentType: string | null;
  contentLength: string | null;
}

export interface ReadBodyOptions {
  /** Default MAX_BODY_BYTES. */
  limit?: number;
  /** Take a body whatever its Content-Type says (TheTVDB clients and `curl -d` do not all say JSON). */
  anyContentType?: boolean;
}

async function* webChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel();
  }
}

export function requestBodySource(req: Request): BodySource {
  return { chunks: req.body ? webChunks(req.body) : null, contentType: req.headers.get('content-type'), contentLength: req.headers.get('content-length') };
}

async function readCapped(chunks: AsyncIterable<Uint8Array> | null, declared: string | null, limit: number): Promise<Buffer> {
  if (Number(declared ?? NaN) > limit) throw tooLarge(limit);
  if (!chunks) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream (or destroys the Node request).
    if (size > limit) throw tooLarge(limit);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function tooLarge(limit: number): ApiError {
  return new ApiError('payload_too_large', `The request body is larger than ${limit} bytes.`);
}

/** The body as JSON (an empty body is `{}`); ApiErrors for too large, not JSON-typed, not JSON. */
export async function readJsonValue(source: BodySource, opts: ReadBodyOptions = {}): Promise<unknown> {
  const text = (await readCapped(source.chunks, source.contentLength, opts.limit ?? MAX_BODY_BYTES)).toString('utf8');
  const type = source.contentType;
  // An untyped body is refused too: a JSON API that guesses lets a cross-site form or script post to it.
  if (!opts.anyContentType && text.length > 0 && !(type && /^application\/(.+\+)?json\b/i.test(type))) {
    throw new ApiError('unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).');
  }
  if (text.trim().length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.');
  }
  rejectUnstorableText(value, 'body');
  return value;
}

export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const value = await readJsonValue(requestBodySource(req));
  const unknown = unknownFields(value, schema);
  if (unknown.length > 0) {
    const fields = unknown.map((path) => ({ path, message: 'is not a field of this request.' }));
    throw new ApiError('validation_failed', `Invalid request: unknown field${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}.`, { fields });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}

/** The raw body bytes, with a size cap (413 payload_too_large past it): uploads that are not JSON. */
export async function readBodyBytes(req: Request, limit: number): Promise<Buffer> {
  const source = requestBodySource(req);
  return readCapped(source.chunks, source.contentLength, limit);
}

/** A multipart/form-data or urlencoded body (webhooks that post forms: Plex's), with the same size cap. */
export async function readFormBody(req: Request, limit = MAX_BODY_BYTES): Promise<FormData> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'The request body must be a form (multipart/form-data or application/x-www-form-urlencoded).');
  }
  const source = requestBodySource(req);
  const bytes = await readCapped(source.chunks, source.contentLength, limit);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new ApiError('validation_failed', 'The form body could not be read.');
  }
}
