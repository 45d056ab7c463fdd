// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the API contracts
import { openapiContract } from '@/lib/api/system-contracts';
import { allContracts } from '@/lib/api/contracts';
import { handle, routes } from '@/lib/http/route';
import { buildOpenApi } from '@/lib/openapi/build-openapi';

export const dynamic = 'force-dynamic';
export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(openapiContract, async () => buildOpenApi(allContracts)));
