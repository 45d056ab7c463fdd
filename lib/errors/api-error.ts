import { errorCodes, type ErrorCode } from './error-codes';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Marks every ApiError, whichever copy of this module made it (see `Symbol.hasInstance` below). */
const BRAND = Symbol.for('marquee.ApiError');

/** The one error type of the API: a stable code, its HTTP status, and a message for humans. */
export class ApiError extends Error {
  /**
   * The web server (tsx) and Next's bundle each load their own copy of lib/: an ApiError made by one
   * copy (e.g. by the TVDB proxy's shared state, which lives on globalThis) must still be one for the
   * other copy's error mapping, or it is answered as a 500. So `instanceof ApiError` checks a brand
   * registered process-wide; subclasses keep the ordinary prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ApiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  readonly [BRAND] = true;
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
