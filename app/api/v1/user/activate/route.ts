// POST /api/v1/user/activate — activate an account with the token from its mail
import { activateAccountContract } from '@/lib/api/account-mail-contracts';
import { handle, routes } from '@/lib/http/route';
import { activateAccount } from '@/lib/users/email-activation';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(activateAccountContract, ({ body }) => activateAccount(body.token)));
