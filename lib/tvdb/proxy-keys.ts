// API keys for the TVDB proxy, managed by admins: licensed keys (the key alone logs in) and
// user-supported keys (the key plus its PIN). Key and PIN are shown once, stored as hashes, listed
// by preview; a key can expire, be deactivated, rotated (new key, same id and stats) or deleted.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import { config } from '@/lib/config';
import { ApiError } from '@/lib/errors/api-error';
import { hashSecret, newSecret, previewSecret } from '@/lib/auth/secret-token';
import { forgetProxyKey } from './proxy-state';

export const proxyKeyKindSchema = z.enum(['licensed', 'user_supported']);

export const proxyKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: proxyKeyKindSchema,
  preview: z.string(),
  rate_limit: z.number().int().describe('Requests per minute'),
  burst: z.number().int().describe('Requests allowed at once before the per-minute rate applies'),
  active: z.boolean(),
  expires_at: z.string().nullable(),
  total_requests: z.number().int(),
  last_used_at: z.string().nullable(),
  requires_pin: z.boolean().describe('A user-supported key: logging in needs its PIN as well'),
  created_by: z.object({ id: z.string(), username: z.string() }).nullable().describe('The admin who made the key (null once that account is gone)'),
  created_at: z.string(),
});
export type ProxyKeyView = z.infer<typeof proxyKeySchema>;

export const issuedProxyKeySchema = proxyKeySchema.extend({
  key: z.string().describe('The API key: shown this once'),
  pin: z.string().nullable().describe('The PIN of a user-supported key: shown this once'),
});

const editable = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullable(),
  rate_limit: z.number().int().min(1).max(10_000_000),
  burst: z.number().int().min(1).max(10_000_000),
  active: z.boolean(),
  expires_at: z.iso.datetime({ offset: true }).nullable(),
  pin: z
    .string()
    .min(4)
    .max(64)
    .regex(/^[\x21-\x7e]+$/, 'Use printable ASCII characters without spaces.')
    .describe('The PIN of a user-supported key, chosen by the admin (otherwise one is generated)'),
};

const futureExpiry = (v: { expires_at?: string | null }) => !v.expires_at || new Date(v.expires_at).getTime() > Date.now();
const expiryIssue = { message: 'The expiry date must be in the future.', path: ['expires_at'] };

export const createProxyKeySchema = z
  .object({
    ...editable,
    description: editable.description.optional(),
    kind: proxyKeyKindSchema.optional().describe('Default licensed; user_supported when requires_pin or pin is given'),
    requires_pin: z.boolean().optional().describe('true makes a user-supported key (the same as kind user_supported)'),
    pin: editable.pin.optional(),
    rate_limit: editable.rate_limit.optional(),
    burst: editable.burst.optional(),
    active: editable.active.default(true),
    expires_at: editable.expires_at.optional(),
  })
  .refine(futureExpiry, expiryIssue)
  .refine((v) => !(v.kind === 'licensed' && (v.requires_pin || v.pin)), { message: 'A licensed key has no PIN: leave pin out or make the key user_supported.', path: ['pin'] })
  .refine((v) => !(v.kind === 'user_supported' && v.requires_pin === false), { message: 'A user-supported key always requires its PIN.', path: ['requires_pin'] })
  .refine((v) => !(v.requires_pin === false && v.pin), { message: 'A PIN needs requires_pin.', path: ['pin'] });

export const updateProxyKeySchema = z.object(editable).partial();

export const listProxyKeysQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});

export const proxyKeyPageSchema = z.object({ page: z.number().int(), per_page: z.number().int(), total: z.number().int(), items: z.array(proxyKeySchema) });

export const proxyUsageSchema = z.object({
  days: z.number().int(),
  total_requests: z.number().int(),
  per_day: z.array(z.object({ day: z.string(), requests: z.number().int() })),
  per_key: z.array(z.object({ id: z.string(), name: z.string(), total_requests: z.number().int(), requests_in_period: z.number().int(), last_used_at: z.string().nullable() })),
});

const withCreator = { createdBy: { select: { id: true, username: true } } } as const;
type Row = Awaited<ReturnType<typeof db.proxyKey.findFirstOrThrow<{ include: typeof withCreator }>>>;

function view(k: Row): ProxyKeyView {
  return {
    id: k.id,
    name: k.name,
    description: k.description,
    kind: k.kind,
    preview: k.preview,
    rate_limit: k.rateLimit,
    burst: k.burst,
    active: k.active,
    expires_at: k.expiresAt?.toISOString() ?? null,
    total_requests: k.totalRequests,
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    requires_pin: k.kind === 'user_supported',
    created_by: k.createdBy ? { id: k.createdBy.id, username: k.createdBy.username } : null,
    created_at: k.createdAt.toISOString(),
  };
}

const newPin = () => String(randomInt(0, 100_000_000)).padStart(8, '0');
const notFound = () => new ApiError('not_found', 'No such proxy API key.');

export async function createProxyKey(input: z.infer<typeof createProxyKeySchema>, createdById: string | null = null) {
  const key = newSecret('tvdbKey');
  const kind = input.kind ?? (input.requires_pin || input.pin ? 'user_supported' : 'licensed');
  const pin = kind === 'user_supported' ? (input.pin ?? newPin()) : null;
  const limits = config().tvdb.proxy;
  const rateLimit = input.rate_limit ?? limits.rateLimit;
  const row = await db.proxyKey.create({
    data: {
      name: input.name,
      description: input.description ?? null,
      kind,
      keyHash: hashSecret(key),
      preview: previewSecret(key),
      pinHash: pin ? hashSecret(pin) : null,
      rateLimit,
      burst: input.burst ?? Math.max(limits.burst, 1),
      active: input.active,
      expiresAt: input.expires_at ? new Date(input.expires_at) : null,
      createdById,
    },
    include: withCreator,
  });
  return { ...view(row), key, pin };
}

/** A case-insensitive `contains` on both databases (SQLite's LIKE already is one; PostgreSQL needs the mode, which the SQLite client's types lack). */
const containsText = (v: string) => (config().db.provider === 'postgresql' ? { contains: v, mode: 'insensitive' } : { contains: v }) as { contains: string };

export async function listProxyKeys(q: z.infer<typeof listProxyKeysQuery>) {
  const where = q.search ? { OR: [{ name: containsText(q.search) }, { description: containsText(q.search) }, { preview: containsText(q.search) }] } : {};
  const [total, rows] = await Promise.all([
    db.proxyKey.count({ where }),
    db.proxyKey.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (q.page - 1) * q.per_page, take: q.per_page, include: withCreator }),
  ]);
  return { page: q.page, per_page: q.per_page, total, items: rows.map(view) };
}

export async function getProxyKey(id: string) {
  const row = await db.proxyKey.findUnique({ where: { id }, include: withCreator });
  if (!row) throw notFound();
  return view(row);
}

export async function updateProxyKey(id: string, input: z.infer<typeof updateProxyKeySchema>) {
  const current = await getProxyKey(id);
  if (input.pin !== undefined && current.kind !== 'user_supported') throw new ApiError('validation_failed', 'Only a user-supported key has a PIN.', { fields: [{ path: 'pin', message: 'Only a user-supported key has a PIN.' }] });
  const row = await db.proxyKey.update({
    where: { id },
    data: {
      name: input.name,
      description: input.description,
      rateLimit: input.rate_limit,
      burst: input.burst,
      active: input.active,
      expiresAt: input.expires_at === undefined ? undefined : input.expires_at ? new Date(input.expires_at) : null,
      pinHash: input.pin === undefined ? undefined : hashSecret(input.pin),
    },
    include: withCreator,
  });
  forgetProxyKey(id);
  return view(row);
}

export async function deleteProxyKey(id: string) {
  const { count } = await db.proxyKey.deleteMany({ where: { id } });
  if (count === 0) throw notFound();
  forgetProxyKey(id);
}

/** A new key (and PIN, for a user-supported key) for the same record: the old ones stop working,
 * and so do tokens issued for them. */
export async function rotateProxyKey(id: string) {
  const current = await db.proxyKey.findUnique({ where: { id } });
  if (!current) throw notFound();
  const key = newSecret('tvdbKey');
  const pin = current.kind === 'user_supported' ? newPin() : null;
  const row = await db.proxyKey.update({ where: { id }, data: { keyHash: hashSecret(key), preview: previewSecret(key), pinHash: pin ? hashSecret(pin) : null }, include: withCreator });
  forgetProxyKey(id);
  return { ...view(row), key, pin };
}

export async function proxyUsage(days = 30) {
  const since = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const [perDay, perKey, keys] = await Promise.all([
    db.proxyKeyUsage.groupBy({ by: ['day'], where: { day: { gte: since } }, _sum: { requests: true }, orderBy: { day: 'asc' } }),
    db.proxyKeyUsage.groupBy({ by: ['keyId'], where: { day: { gte: since } }, _sum: { requests: true } }),
    db.proxyKey.findMany({ select: { id: true, name: true, totalRequests: true, lastUsedAt: true }, orderBy: { totalRequests: 'desc' } }),
  ]);
  const inPeriod = new Map(perKey.map((k) => [k.keyId, k._sum.requests ?? 0]));
  return {
    days,
    total_requests: keys.reduce((n, k) => n + k.totalRequests, 0),
    per_day: perDay.map((d) => ({ day: d.day, requests: d._sum.requests ?? 0 })),
    per_key: keys.map((k) => ({ id: k.id, name: k.name, total_requests: k.totalRequests, requests_in_period: inPeriod.get(k.id) ?? 0, last_used_at: k.lastUsedAt?.toISOString() ?? null })),
  };
}
