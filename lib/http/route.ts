// Binds functions to contracts and turns them into Next route handlers: auth, scope and role
// checks, body/query/params parsing, error mapping, and 405 for methods a route does not have.
import type { z } from 'zod';
import { ApiError } from '@/lib/errors/api-error';
import type { AuthContext } from './auth-context';
import { authenticate } from './authenticate';
import { allowedScopes, type BodyOf, type Contract, type HttpMethod, type ParamsOf, type QueryOf, type ResultOf } from './contract';
import { errorResponse, toErrorResponse, validationError } from './error-response';
import { rejectUnstorableText } from './input-text';
import { readJsonBody } from './read-body';

export interface HandlerContext<C extends Contract> {
  req: Request;
  body: BodyOf<C>;
  query: QueryOf<C>;
  params: ParamsOf<C>;
  auth: C['access'] extends 'public' ? AuthContext | null : AuthContext;
  /**
   * Whether the caller's credentials still pass this contract's checks (signed out, disabled,
   * no longer an admin → false): a long-lived stream asks now and then, and ends when not.
   */
  stillAuthorized: () => Promise<boolean>;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: Request, ctx: NextContext) => Promise<Response>) & { contract: Contract };

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  rejectUnstorableText(value, where);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data;
}

function authorize(contract: Contract, auth: AuthContext | null): void {
  if (contract.access === 'public') return;
  if (!auth) throw new ApiError('unauthorized', 'Sign in, or send Authorization: Bearer <token or API key>.');
  if (auth.via === 'key' && !allowedScopes(contract).includes(auth.scope)) {
    throw new ApiError('forbidden', `This API key's scope (${auth.scope}) does not allow ${contract.method} ${contract.path}.`);
  }
  if (contract.access === 'admin' && auth.user.role !== 'admin') {
    throw new ApiError('forbidden', 'This needs an admin account.');
  }
  // The demo account reads and plays; every other write is refused here, for every route at once.
  if (auth.user.demo && contract.method !== 'GET' && contract.demo !== 'allow') {
    throw new ApiError('demo_read_only', 'The demo account can browse and play, but not change anything. Sign in with your own account for that.');
  }
}

export function handle<const C extends Contract>(
  contract: C,
  fn: (ctx: HandlerContext<C>) => Promise<ResultOf<C> | Response>,
): RouteHandler {
  const handler = async (req: Request, next: NextContext): Promise<Response> => {
    try {
      // Public operations ignore credentials: a stale token must not make /api/health or sign-in fail.
      const auth = contract.access === 'public' ? null : await authenticate(req, { keyInQuery: contract.keyInQuery });
      authorize(contract, auth);
      const params = parsePart(contract.params, await next.params, 'params');
      const query = parsePart(contract.query, Object.fromEntries(new URL(req.url).searchParams), 'query');
      const body = contract.body ? await readJsonBody(req, contract.body) : undefined;
      const stillAuthorized = async () => {
        try {
          const now = contract.access === 'public' ? null : await authenticate(req, { keyInQuery: contract.keyInQuery });
          authorize(contract, now);
          return now?.user.id === auth?.user.id;
        } catch {
          return false;
        }
      };
      const result = await fn({ req, body, query, params, auth, stillAuthorized } as HandlerContext<C>);
      if (result instanceof Response) return result;
      const { status } = contract.response;
      if (status === 204) return new Response(null, { status });
      return Response.json(result ?? null, { status });
    } catch (err) {
      return toErrorResponse(err);
    }
  };
  return Object.assign(handler, { contract });
}

/** Every HTTP method for one route file: the bound ones, and 405 with Allow for the rest. */
export function routes(...handlers: RouteHandler[]): Record<HttpMethod, RouteHandler | ((req: Request) => Promise<Response>)> {
  const byMethod = new Map(handlers.map((h) => [h.contract.method, h]));
  const allow = [...byMethod.keys()].join(', ');
  const notAllowed = async (req: Request) =>
    errorResponse('method_not_allowed', `${req.method} is not allowed here; use ${allow}.`, 405, {}, { Allow: allow });
  return Object.fromEntries(METHODS.map((m) => [m, byMethod.get(m) ?? notAllowed])) as Record<HttpMethod, RouteHandler>;
}
