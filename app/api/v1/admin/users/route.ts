// GET /api/v1/admin/users — every account; POST — add one, with a password or an invite link (admin)
import { createUserContract, listUsersContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { addUser, listUsers } from '@/lib/users/admin-users';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(listUsersContract, () => listUsers()),
  handle(createUserContract, ({ body }) => addUser(body)),
);
