// A user's own credentials for an outside service (their Trakt app's client id and secret), used
// instead of the server's. Stored encrypted (lib/auth/secret-box.ts), listed only by name and preview.
import { db } from '@/lib/db';
import { open, seal } from './secret-box';

export const SERVICE_NAMES = ['trakt_client_id', 'trakt_client_secret'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const purpose = (name: ServiceName) => `service-key.${name}`;
const preview = (value: string) => (value.length <= 8 ? '…' : `${value.slice(0, 4)}…${value.slice(-2)}`);

export async function saveServiceKey(userId: string, name: ServiceName, value: string) {
  const data = { valueEnc: seal(value, purpose(name)), preview: preview(value) };
  const row = await db.serviceKey.upsert({ where: { userId_serviceName: { userId, serviceName: name } }, create: { userId, serviceName: name, ...data }, update: data });
  return { service_name: name, preview: row.preview, updated_at: row.updatedAt.toISOString() };
}

export async function listServiceKeys(userId: string) {
  const rows = await db.serviceKey.findMany({ where: { userId }, orderBy: { serviceName: 'asc' } });
  return rows.map((r) => ({ service_name: r.serviceName as ServiceName, preview: r.preview, updated_at: r.updatedAt.toISOString() }));
}

export async function deleteServiceKey(userId: string, name: ServiceName) {
  await db.serviceKey.deleteMany({ where: { userId, serviceName: name } });
}

/** The decrypted values a user stored (a value sealed under an older AUTH_SECRET reads as absent). */
export async function readServiceKeys(userId: string): Promise<Partial<Record<ServiceName, string>>> {
  const rows = await db.serviceKey.findMany({ where: { userId } });
  const out: Partial<Record<ServiceName, string>> = {};
  for (const r of rows) {
    const name = r.serviceName as ServiceName;
    const value = open(r.valueEnc, purpose(name));
    if (value) out[name] = value;
  }
  return out;
}
