// POST /api/v1/user/password-reset/confirm — set a new password with the mailed token
import { confirmPasswordResetContract } from '@/lib/api/account-mail-contracts';
import { handle, routes } from '@/lib/http/route';
import { confirmPasswordReset } from '@/lib/users/password-reset';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(confirmPasswordResetContract, ({ body }) => confirmPasswordReset(body.token, body.password)),
);
