// Server-wide settings an admin changes at run time, each validated by its own schema.
import { z } from 'zod';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/errors/api-error';

export const settingSchemas = {
  registration: z.enum(['open', 'closed', 'invite']),
  invites: z.boolean(),
  email_activation: z.enum(['off', 'required']),
  demo: z.boolean(),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

const defaults: { [K in SettingKey]: SettingValue<K> } = {
  // Secure by default: after the first (admin) account, accounts come from the admin or invites.
  registration: 'closed',
  invites: true,
  email_activation: 'off',
  demo: false,
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

export const serverSettingsSchema = z.object({
  registration: settingSchemas.registration.describe('open: anyone signs up; invite: sign-up needs an invite; closed: only admins add accounts (invites still work)'),
  invites: settingSchemas.invites.describe('Whether invite codes and invite links are made and accepted'),
  email_activation: settingSchemas.email_activation.describe(
    'required: sign-up needs an email, and the account stays inactive until the link mailed to it is opened',
  ),
  demo: settingSchemas.demo.describe('Offer "Try the demo": a shared read-only account that can browse and play'),
});
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

export async function getServerSettings(): Promise<ServerSettings> {
  const [registration, invites, email_activation, demo] = await Promise.all([
    getSetting('registration'),
    getSetting('invites'),
    getSetting('email_activation'),
    getSetting('demo'),
  ]);
  return { registration, invites, email_activation, demo };
}

export async function updateServerSettings(patch: Partial<ServerSettings>): Promise<ServerSettings> {
  const next = { ...(await getServerSettings()), ...patch };
  if (next.registration === 'invite' && !next.invites) {
    throw new ApiError('conflict', 'Invite-only sign-up needs invites: turn invites on, or choose open or closed sign-up.');
  }
  if (patch.registration !== undefined) await setSetting('registration', patch.registration);
  if (patch.invites !== undefined) await setSetting('invites', patch.invites);
  if (patch.email_activation !== undefined) await setSetting('email_activation', patch.email_activation);
  if (patch.demo !== undefined) {
    await setSetting('demo', patch.demo);
    // Turning the demo off signs the demo account out everywhere (cookie and token sessions alike
    // stop at a disabled account); turning it on lets it in again.
    await db.user.updateMany({ where: { demo: true }, data: { disabled: !patch.demo } });
  }
  return next;
}
