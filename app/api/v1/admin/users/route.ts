// GET /api/v1/admin/users — every account (admin)
import { listUsersContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { listUsers } from '@/lib/users/admin-users';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listUsersContract, () => listUsers()));
