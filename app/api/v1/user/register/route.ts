// POST /api/v1/user/register — create an account (the first one becomes admin)
import { registerContract } from '@/lib/api/auth-contracts';
import { handle, routes } from '@/lib/http/route';
import { registerUser } from '@/lib/users/register-user';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(registerContract, ({ body }) => registerUser(body)));
