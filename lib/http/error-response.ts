// Maps anything thrown in a handler to the one JSON error shape: {"error":{"code","message",…}}.
// The /tvdb/v4 edge (server/tvdb-proxy.ts) goes through the same mapping (errorReply), in TheTVDB's
// own envelope {"status":"failure","message","data":null}, which is part of the TVDB v4 contract.
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

/** Which JSON envelope an error answer uses: ours, or TheTVDB v4's (at /tvdb/v4). */
export type ErrorEnvelope = 'api' | 'tvdb';

export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function toApiError(err: unknown, log: (line: string) => void): { error: ApiError; requestId?: string } {
  if (err instanceof ApiError) return { error: err };
  if (err instanceof ZodError) return { error: validationError(err) };
  if (isPrismaNotFound(err)) return { error: new ApiError('not_found', 'Not found.') };
  const requestId = randomUUID();
  log(`[api] unhandled error (request ${requestId}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { error: new ApiError('internal_error', `Internal server error. Request id: ${requestId}`), requestId };
}

/** The one mapping from anything thrown to an answer: zod → 400 with fields, Prisma not-found → 404, unknown → 500 with a request id. */
export function errorReply(err: unknown, envelope: ErrorEnvelope = 'api', log: (line: string) => void = console.error): ErrorReply {
  const { error: e, requestId } = toApiError(err, log);
  if (envelope === 'tvdb') {
    const body = JSON.stringify({ status: 'failure', message: e.message, data: null });
    return { status: e.status, headers: { 'content-type': 'application/json; charset=utf-8', ...e.headers }, body };
  }
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(requestId ? { request_id: requestId } : {}) } };
  return { status: e.status, headers: { 'content-type': 'application/json', ...e.headers }, body: JSON.stringify(body) };
}

export function toErrorResponse(err: unknown, log: (line: string) => void = console.error): Response {
  const reply = errorReply(err, 'api', log);
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
