// Maps anything thrown in a handler to the one JSON error shape: {"error":{"code","message",…}}.
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { ApiError, type FieldIssue } from '@/lib/errors/api-error';
import type { ErrorCode } from '@/lib/errors/error-codes';
import { plainIssueMessage } from './plain-issue-message';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldIssue[]; request_id?: string };
}

export function zodFields(err: ZodError, prefix?: string): FieldIssue[] {
  return err.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: plainIssueMessage(i),
  }));
}

export function validationError(err: ZodError, prefix?: string): ApiError {
  const fields = zodFields(err, prefix);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join(' ');
  return new ApiError('validation_failed', `Invalid request: ${summary}`, { fields });
}

function isPrismaNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2025';
}

export function errorResponse(code: ErrorCode, message: string, status: number, extra: Partial<ErrorBody['error']> = {}, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { error: { code, message, ...extra } };
  return Response.json(body, { status, headers });
}

export function toErrorResponse(err: unknown, log: (line: string) => void = console.error): Response {
  if (err instanceof ApiError) {
    return errorResponse(err.code, err.message, err.status, err.fields ? { fields: err.fields } : {}, err.headers);
  }
  if (err instanceof ZodError) {
    const e = validationError(err);
    return errorResponse(e.code, e.message, e.status, { fields: e.fields });
  }
  if (isPrismaNotFound(err)) return errorResponse('not_found', 'Not found.', 404);
  const requestId = randomUUID();
  log(`[api] unhandled error (request ${requestId}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return errorResponse('internal_error', `Internal server error. Request id: ${requestId}`, 500, { request_id: requestId });
}
