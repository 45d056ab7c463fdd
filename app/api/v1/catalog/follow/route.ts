// POST /api/v1/catalog/follow — follow a show found in the catalog
import { catalogFollowContract } from '@/lib/api/metadata-contracts';
import { handle, routes } from '@/lib/http/route';
import { followFromCatalog } from '@/lib/metadata/online/online-admin';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(catalogFollowContract, ({ auth, body }) => followFromCatalog(auth.user.id, body)));
