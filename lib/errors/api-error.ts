import { errorCodes, type ErrorCode } from './error-codes';

export interface FieldIssue {
  path: string;
  message: string;
}

/** The one error type of the API: a stable code, its HTTP status, and a message for humans. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldIssue[];
  readonly headers?: Record<string, string>;

  /** `extra.status` is for an upstream's own status passed through (the /tvdb/v4 proxy); otherwise the code's. */
  constructor(code: ErrorCode, message: string, extra: { fields?: FieldIssue[]; headers?: Record<string, string>; status?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = extra.status ?? errorCodes[code].status;
    this.fields = extra.fields;
    this.headers = extra.headers;
  }
}
