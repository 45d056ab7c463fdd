// Reads a JSON request body with a size cap, then validates it with zod.
import type { z } from 'zod';
import { ApiError } from '@/lib/errors/api-error';
import { validationError } from './error-response';

export const MAX_BODY_BYTES = 1024 * 1024;

async function readCapped(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(): ApiError {
  return new ApiError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const type = req.headers.get('content-type');
  const text = await readCapped(req, MAX_BODY_BYTES);
  if (type && !/^application\/(.+\+)?json\b/i.test(type) && text.length > 0) {
    throw new ApiError('unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).');
  }
  let value: unknown = {};
  if (text.trim().length > 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError('invalid_json', 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}
