// POST /api/v1/user/setup — set display name and avatar
import { setupProfileContract } from '@/lib/api/user-contracts';
import { handle, routes } from '@/lib/http/route';
import { setupProfile } from '@/lib/users/account';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(setupProfileContract, ({ auth, body }) => setupProfile(auth.user.id, body)));
