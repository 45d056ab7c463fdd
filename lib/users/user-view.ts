import { z } from 'zod';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, dot, dash and underscore')
  .transform((s) => s.toLowerCase());
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(256);
export const emailSchema = z.email().max(254).transform((s) => s.toLowerCase());

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  avatar: z.string().nullable(),
  role: z.enum(['admin', 'user']),
  disabled: z.boolean(),
  created_at: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

export function toUserView(u: {
  id: string;
  username: string;
  email: string | null;
  name: string | null;
  avatar: string | null;
  role: 'admin' | 'user';
  disabled: boolean;
  createdAt: Date;
}): UserView {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    name: u.name,
    avatar: u.avatar,
    role: u.role,
    disabled: u.disabled,
    created_at: u.createdAt.toISOString(),
  };
}
