// DELETE /api/v1/user/service-keys/:name — forget a stored key
import { deleteServiceKeyContract } from '@/lib/api/trakt-contracts';
import { deleteServiceKey } from '@/lib/auth/service-keys';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(deleteServiceKeyContract, ({ auth, params }) => deleteServiceKey(auth.user.id, params.name)));
