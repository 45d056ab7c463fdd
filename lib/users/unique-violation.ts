import { ApiError } from '@/lib/errors/api-error';

/** Turns Prisma's unique-constraint error on users into the API's 409s. */
export function uniqueViolation(err: unknown): ApiError | null {
  const e = err as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } } };
  if (e?.code !== 'P2002') return null;
  const target = JSON.stringify(e.meta ?? {});
  if (target.includes('email')) return new ApiError('email_taken', 'An account with this email already exists.');
  return new ApiError('username_taken', 'An account with this username already exists.');
}
