// Any /api path no route claims: 404 in the API's JSON error shape.
import { errorResponse } from '@/lib/http/error-response';

const notFound = async (req: Request) =>
  errorResponse('route_not_found', `No API route for ${req.method} ${new URL(req.url).pathname}.`, 404);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const HEAD = notFound;
export const OPTIONS = notFound;
