// PATCH /api/v1/admin/users/:id — change role or disable; DELETE — delete the account (admin)
import { deleteUserContract, updateUserContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { deleteUserByAdmin, updateUserByAdmin } from '@/lib/users/admin-users';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(updateUserContract, ({ params, body }) => updateUserByAdmin(params.id, body)),
  handle(deleteUserContract, ({ params }) => deleteUserByAdmin(params.id)),
);
