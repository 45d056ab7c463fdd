// POST /api/v1/user/password-reset — mail a reset link (always 202, never says whether the email exists)
import { requestPasswordResetContract } from '@/lib/api/account-mail-contracts';
import { clientIp } from '@/lib/http/client-ip';
import { handle, routes } from '@/lib/http/route';
import { requestPasswordReset } from '@/lib/users/password-reset';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(requestPasswordResetContract, ({ req, body }) => requestPasswordReset(body.email, clientIp(req))),
);
