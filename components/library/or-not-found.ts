// For pages: a lib lookup that throws ApiError('not_found') becomes Next's 404 page.
import { notFound } from 'next/navigation';
import { ApiError } from '@/lib/errors/api-error';

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not_found') notFound();
    throw err;
  }
}
