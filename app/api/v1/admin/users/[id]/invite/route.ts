// POST /api/v1/admin/users/:id/invite — a new invite link for an account with no password yet (admin)
import { reissueUserInviteContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { reissueAccountInvite } from '@/lib/users/admin-users';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(reissueUserInviteContract, ({ params }) => reissueAccountInvite(params.id)));
