// GET /api/v1/user — the signed-in account; PATCH — change password or email; DELETE — delete it
import { deleteAccountContract, getAccountContract, updateAccountContract } from '@/lib/api/user-contracts';
import { handle, routes } from '@/lib/http/route';
import { deleteAccount, getAccount, updateAccount } from '@/lib/users/account';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getAccountContract, ({ auth }) => getAccount(auth.user.id)),
  handle(updateAccountContract, ({ auth, body }) => updateAccount(auth.user.id, body, auth.sessionId)),
  handle(deleteAccountContract, ({ auth, body }) => deleteAccount(auth.user.id, body.password)),
);
