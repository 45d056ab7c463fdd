import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { createProxyKeySchema, issuedProxyKeySchema, listProxyKeysQuery, proxyKeyPageSchema, proxyKeySchema, proxyUsageSchema, updateProxyKeySchema } from '@/lib/tvdb/proxy-keys';

const idParams = z.object({ id: z.string().min(1) });
const tags = ['admin', 'tvdb'];

export const createProxyKeyContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/api-keys',
  access: 'admin',
  summary: 'Create an API key for the TVDB proxy (/tvdb/v4)',
  description: 'The key, and the PIN of a user-supported key, are in this answer only: they are stored hashed. Rate limit and burst default to TVDB_PROXY_RATE_LIMIT and TVDB_PROXY_BURST.',
  tags,
  body: createProxyKeySchema,
  response: { status: 201, description: 'The new key, shown once', schema: issuedProxyKeySchema },
});

export const listProxyKeysContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/api-keys',
  access: 'admin',
  summary: 'List TVDB proxy API keys (search by name, description or preview)',
  tags,
  query: listProxyKeysQuery,
  response: { status: 200, description: 'A page of keys, newest first', schema: proxyKeyPageSchema },
});

export const proxyUsageContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/api-keys/stats/usage',
  access: 'admin',
  summary: 'TVDB proxy usage: requests per day (last 30 days) and per key',
  tags,
  response: { status: 200, description: 'Usage', schema: proxyUsageSchema },
});

export const getProxyKeyContract = defineContract({
  method: 'GET',
  path: '/api/v1/admin/api-keys/{id}',
  access: 'admin',
  summary: 'One TVDB proxy API key',
  tags,
  params: idParams,
  response: { status: 200, description: 'The key (preview only)', schema: proxyKeySchema },
  errors: ['not_found'],
});

export const updateProxyKeyContract = defineContract({
  method: 'PUT',
  path: '/api/v1/admin/api-keys/{id}',
  access: 'admin',
  summary: 'Change a TVDB proxy API key: name, description, rate limit, burst, active, expiry',
  tags,
  params: idParams,
  body: updateProxyKeySchema,
  response: { status: 200, description: 'The key', schema: proxyKeySchema },
  errors: ['not_found'],
});

export const deleteProxyKeyContract = defineContract({
  method: 'DELETE',
  path: '/api/v1/admin/api-keys/{id}',
  access: 'admin',
  summary: 'Delete a TVDB proxy API key (its tokens stop working)',
  tags,
  params: idParams,
  response: { status: 204, description: 'Deleted' },
  errors: ['not_found'],
});

export const rotateProxyKeyContract = defineContract({
  method: 'POST',
  path: '/api/v1/admin/api-keys/{id}/rotate',
  access: 'admin',
  summary: 'Replace a TVDB proxy API key (and PIN): the old ones and their tokens stop working',
  tags,
  params: idParams,
  response: { status: 200, description: 'The key with its new secret, shown once', schema: issuedProxyKeySchema },
  errors: ['not_found'],
});
