// An API operation described once: method, path, who may call it, its zod schemas. Route handlers
// bind a function to a contract; the OpenAPI document is generated from the same contracts.
import type { z } from 'zod';
import type { ErrorCode } from '@/lib/errors/error-codes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** public: no credentials (any sent are ignored); user: any signed-in account; admin: role admin. */
export type Access = 'public' | 'user' | 'admin';
export type KeyScope = 'full' | 'read' | 'scanner' | 'scrobble';

export interface Contract {
  method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/v1/user/api-keys/{id}`. */
  path: string;
  access: Access;
  /** API-key scopes allowed to call this; default: GET → full+read, others → full. */
  scopes?: readonly KeyScope[];
  /** Also take a personal API key in the query (`?key=`): for webhooks from apps that cannot set headers (Plex). */
  keyInQuery?: boolean;
  summary: string;
  description?: string;
  tags: readonly string[];
  body?: z.ZodType;
  /** A body that is not JSON (an image upload): the content types taken and the size cap, for the OpenAPI document. */
  rawBody?: { contentTypes: readonly string[]; maxBytes: number; description: string };
  query?: z.ZodType;
  params?: z.ZodType;
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  errors?: readonly ErrorCode[];
  /**
   * 'allow': the read-only demo account may call this non-GET operation (playing: stream sessions
   * and resume points; its own sign-out). Every other write refuses it (403 demo_read_only).
   */
  demo?: 'allow';
}

export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

export function allowedScopes(c: Contract): readonly KeyScope[] {
  return c.scopes ?? (c.method === 'GET' ? ['full', 'read'] : ['full']);
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
export type BodyOf<C extends Contract> = Infer<C['body']>;
export type QueryOf<C extends Contract> = Infer<C['query']>;
export type ParamsOf<C extends Contract> = Infer<C['params']>;
export type ResultOf<C extends Contract> = C['response']['schema'] extends z.ZodType ? z.input<C['response']['schema']> : void;
