// POST /api/v1/user/email — change the email: a confirmation link goes to the new address
import { requestEmailChangeContract } from '@/lib/api/account-mail-contracts';
import { handle, routes } from '@/lib/http/route';
import { requestEmailChange } from '@/lib/users/email-change';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(requestEmailChangeContract, ({ auth, body }) => requestEmailChange(auth.user.id, body.email)));
