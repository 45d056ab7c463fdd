// Personal API keys: shown once at creation, stored hashed, listed by preview, revocable.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';
import { hashSecret, newSecret, previewSecret } from './secret-token';

export const apiKeyScopeSchema = z.enum(['full', 'read', 'scanner', 'scrobble']);

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  preview: z.string(),
  scope: apiKeyScopeSchema,
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scope: apiKeyScopeSchema.default('full'),
});

function view(k: { id: string; name: string; preview: string; scope: string; createdAt: Date; lastUsedAt: Date | null }): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    preview: k.preview,
    scope: k.scope as ApiKeyView['scope'],
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(userId: string, input: z.infer<typeof createApiKeySchema>): Promise<ApiKeyView & { key: string }> {
  const key = newSecret('key');
  const row = await db.apiKey.create({
    data: { userId, name: input.name, scope: input.scope, keyHash: hashSecret(key), preview: previewSecret(key) },
  });
  return { ...view(row), key };
}

export async function listApiKeys(userId: string): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  return rows.map(view);
}

export async function revokeApiKey(userId: string, id: string): Promise<void> {
  const { count } = await db.apiKey.deleteMany({ where: { id, userId } });
  if (count === 0) throw new ApiError('not_found', 'No such API key.');
}

export async function findApiKey(key: string) {
  const row = await db.apiKey.findUnique({ where: { keyHash: hashSecret(key) } });
  if (!row) return null;
  // Last-used is informational: one write a minute at most per key.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row;
}
