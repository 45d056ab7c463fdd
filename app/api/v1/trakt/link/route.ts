// DELETE /api/v1/trakt/link — unlink: revoke at Trakt, forget here
import { traktUnlinkContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { unlink } from '@/lib/trakt/oauth';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktUnlinkContract, ({ auth }) => unlink(auth.user.id)));
