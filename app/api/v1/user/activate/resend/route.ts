// POST /api/v1/user/activate/resend — mail a new activation link (same answer whatever the email)
import { resendActivationContract } from '@/lib/api/account-mail-contracts';
import { clientIp } from '@/lib/http/client-ip';
import { handle, routes } from '@/lib/http/route';
import { resendActivation } from '@/lib/users/email-activation';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(resendActivationContract, ({ req, body }) => resendActivation(body.email, clientIp(req))),
);
