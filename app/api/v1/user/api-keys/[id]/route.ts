// DELETE /api/v1/user/api-keys/:id — revoke one of my keys
import { revokeApiKeyContract } from '@/lib/api/user-contracts';
import { revokeApiKey } from '@/lib/auth/api-keys';
import { handle, routes } from '@/lib/http/route';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(revokeApiKeyContract, ({ auth, params }) => revokeApiKey(auth.user.id, params.id)));
