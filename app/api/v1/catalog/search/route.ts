// GET /api/v1/catalog/search — the online catalog, for shows and movies in no library
import { catalogSearchContract } from '@/lib/api/metadata-contracts';
import { handle, routes } from '@/lib/http/route';
import { catalogSearch } from '@/lib/metadata/online/online-admin';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(catalogSearchContract, ({ query }) => catalogSearch(query)));
