// Generates the OpenAPI 3.1 document from the API contracts and their zod schemas.
import { z } from 'zod';
import type { Contract } from '@/lib/http/contract';
import { allowedScopes } from '@/lib/http/contract';
import { errorCodes, type ErrorCode } from '@/lib/errors/error-codes';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** Request bodies refuse unknown fields (lib/http/unknown-fields.ts): say so on every closed object. */
function closeObjects(js: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...js };
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, JsonSchema>).map(([k, v]) => [k, closeObjects(v)]));
    if (out.additionalProperties === undefined && !out.patternProperties) out.additionalProperties = false;
  }
  if (out.additionalProperties && typeof out.additionalProperties === 'object') out.additionalProperties = closeObjects(out.additionalProperties as JsonSchema);
  if (out.items && typeof out.items === 'object') out.items = closeObjects(out.items as JsonSchema);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    if (Array.isArray(out[key])) out[key] = (out[key] as JsonSchema[]).map(closeObjects);
  }
  return out;
}

const errorBodySchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorCodes) },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] },
        },
        request_id: { type: 'string' },
      },
    },
  },
};

function errorResponses(c: Contract): Record<string, unknown> {
  const codes = new Set<ErrorCode>(c.errors ?? []);
  if (c.body || c.query || c.params) codes.add('validation_failed');
  if (c.body) codes.add('invalid_json').add('payload_too_large').add('unsupported_media_type');
  if (c.rawBody) codes.add('payload_too_large');
  if (c.access !== 'public') codes.add('unauthorized').add('forbidden');
  if (c.access === 'user' && c.method !== 'GET' && c.demo !== 'allow') codes.add('demo_read_only');
  // A browser's cookie-authenticated write must come from this site (lib/http/csrf.ts).
  if (c.method !== 'GET') codes.add('csrf_origin');
  codes.add('internal_error');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorCodes[code].status, [...(byStatus.get(errorCodes[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((code) => `\`${code}\`: ${errorCodes[code].description}`).join(' '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}

function parameters(c: Contract): unknown[] {
  const out: unknown[] = [];
  const pathNames = [...c.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const paramProps = c.params ? ((schemaOf(c.params, 'input').properties ?? {}) as Record<string, JsonSchema>) : {};
  for (const name of pathNames) out.push({ name, in: 'path', required: true, schema: paramProps[name] ?? { type: 'string' } });
  if (c.query) {
    const q = schemaOf(c.query, 'input');
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, JsonSchema>)) {
      out.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  return out;
}

function operation(c: Contract): Record<string, unknown> {
  const op: Record<string, unknown> = {
    operationId: `${c.method.toLowerCase()}${c.path.replace(/[{}]/g, '').replace(/(^|[/.-])(\w)/g, (_, __, ch: string) => ch.toUpperCase())}`,
    summary: c.summary,
    description: [
      c.description,
      c.access === 'public' ? 'Public: no credentials needed.' : c.access === 'admin' ? 'Admin only.' : 'Any signed-in user.',
      c.access !== 'public' ? `API-key scopes: ${allowedScopes(c).join(', ')}.` : undefined,
      c.access === 'user' && c.method !== 'GET' ? (c.demo === 'allow' ? 'The demo account may call this.' : 'Refused to the demo account (403 demo_read_only).') : undefined,
    ]
      .filter(Boolean)
      .join('\n\n'),
    tags: [...c.tags],
    'x-access': c.access,
    // Machine-readable form of the scopes line above (the authorization matrix test reads it).
    ...(c.access !== 'public' ? { 'x-api-key-scopes': [...allowedScopes(c)] } : {}),
    ...(c.method !== 'GET' && c.access !== 'public' ? { 'x-demo': c.demo === 'allow' ? 'allowed' : 'read_only' } : {}),
    security: c.access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }, ...(c.keyInQuery ? [{ apiKeyQuery: [] }] : [])],
    parameters: parameters(c),
    responses: {
      [String(c.response.status)]: {
        description: c.response.description,
        ...(c.response.schema
          ? { content: { [c.response.contentType ?? 'application/json']: { schema: schemaOf(c.response.schema, 'output') } } }
          : {}),
      },
      ...errorResponses(c),
    },
  };
  if (c.body) op.requestBody = { required: true, content: { 'application/json': { schema: closeObjects(schemaOf(c.body, 'input')) } } };
  if (c.rawBody) {
    const schema = { type: 'string', format: 'binary', maxLength: c.rawBody.maxBytes };
    op.requestBody = { required: true, description: c.rawBody.description, content: Object.fromEntries(c.rawBody.contentTypes.map((t) => [t, { schema }])) };
  }
  return op;
}

export function buildOpenApi(contracts: Contract[], serverUrl?: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const c of contracts) {
    paths[c.path] ??= {};
    paths[c.path][c.method.toLowerCase()] = operation(c);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marquee API',
      version: '1',
      description:
        'Self-hosted media manager and watch tracker. Authenticate with `Authorization: Bearer <token>` (from POST /api/v1/auth/session) or a personal API key, or the browser session cookie. Every error has the shape `{"error":{"code","message"}}`. A request body field the operation does not have is a 400 `validation_failed` naming it (`fields[].path`), never silently dropped; text must not contain NUL or lone UTF-16 surrogates.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: errorBodySchema },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A session token (mq_s_…) or a personal API key (mq_k_…).' },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description:
            "The browser's sign-in (revocable: DELETE /api/v1/auth/session or /api/v1/auth/sessions). A write with it needs " +
            'Sec-Fetch-Site: same-origin or a same-origin Origin (else 403 csrf_origin) and a JSON body.',
        },
        apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'A personal API key (mq_k_…) in the URL, for webhooks that cannot set headers (Plex); only where an operation lists it.' },
      },
    },
  };
}
