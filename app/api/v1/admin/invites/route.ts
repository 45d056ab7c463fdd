// POST /api/v1/admin/invites — a single-use invite code (admin)
import { createInviteContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { createInvite } from '@/lib/users/invites';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(createInviteContract, ({ auth }) => createInvite(auth.user.id)));
