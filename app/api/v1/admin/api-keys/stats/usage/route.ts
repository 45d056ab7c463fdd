// GET /api/v1/admin/api-keys/stats/usage — TVDB proxy usage per day and per key (admin)
import { proxyUsageContract } from '@/lib/api/proxy-key-contracts';
import { handle, routes } from '@/lib/http/route';
import { proxyUsage } from '@/lib/tvdb/proxy-keys';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(proxyUsageContract, () => proxyUsage()));
