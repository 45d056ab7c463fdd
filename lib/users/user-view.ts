import { z } from 'zod';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, 'Use only letters, digits, dot, dash and underscore.')
  .transform((s) => s.toLowerCase());
export const passwordSchema = z.string().min(8).max(256);
export const emailSchema = z.email().max(254).transform((s) => s.toLowerCase());

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  gender: z.string().nullable(),
  avatar: z.string().nullable().describe('A web address or a path on this server; an uploaded one is `/api/v1/image/<key>` (add `?w=64|128|256`)'),
  role: z.enum(['admin', 'user']),
  disabled: z.boolean(),
  active: z.boolean().describe('false until the activation link mailed at sign-up is opened (email activation on)'),
  created_at: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

/** What admins see of an account: also whether its owner has chosen a password yet. */
export const adminUserSchema = userSchema.extend({
  has_password: z.boolean().describe('false while an account added without a password waits for its owner to open the invite link'),
  can_upload: z.boolean().describe('May upload videos (/api/v1/uploads); admins always may'),
});
export type AdminUserView = z.infer<typeof adminUserSchema>;

/** The password hash of an account whose owner has not set a password yet: it matches no password. */
export const NO_PASSWORD = '';

export function toAdminUserView(u: Parameters<typeof toUserView>[0] & { passwordHash: string; canUpload: boolean }): AdminUserView {
  return { ...toUserView(u), has_password: u.passwordHash !== NO_PASSWORD, can_upload: u.role === 'admin' || u.canUpload };
}

export function toUserView(u: {
  id: string;
  username: string;
  email: string | null;
  name: string | null;
  gender: string | null;
  avatar: string | null;
  role: 'admin' | 'user';
  disabled: boolean;
  active: boolean;
  createdAt: Date;
}): UserView {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    name: u.name,
    gender: u.gender,
    avatar: u.avatar,
    role: u.role,
    disabled: u.disabled,
    active: u.active,
    created_at: u.createdAt.toISOString(),
  };
}
