// Server-wide settings an admin changes at run time, each validated by its own schema.
import { z } from 'zod';
import { db } from '@/lib/db';

export const settingSchemas = {
  registration: z.enum(['open', 'closed', 'invite']),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

const defaults: { [K in SettingKey]: SettingValue<K> } = {
  // Secure by default: after the first (admin) account, accounts come from the admin or invites.
  registration: 'closed',
};

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = settingSchemas[key].safeParse(row?.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaults[key];
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<SettingValue<K>> {
  const valid = settingSchemas[key].parse(value) as SettingValue<K>;
  await db.setting.upsert({ where: { key }, create: { key, value: valid }, update: { value: valid } });
  return valid;
}

export const serverSettingsSchema = z.object({ registration: settingSchemas.registration });

export async function getServerSettings(): Promise<z.infer<typeof serverSettingsSchema>> {
  return { registration: await getSetting('registration') };
}
