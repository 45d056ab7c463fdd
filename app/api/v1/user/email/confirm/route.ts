// POST /api/v1/user/email/confirm — the new address's link: the email changes
import { confirmEmailChangeContract } from '@/lib/api/account-mail-contracts';
import { handle, routes } from '@/lib/http/route';
import { confirmEmailChange } from '@/lib/users/email-change';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(confirmEmailChangeContract, ({ body }) => confirmEmailChange(body.token)));
