// POST /api/v1/uploads — start a tus upload. The web server answers this path before Next
// (server/web-server.ts); this file serves it wherever Next routes it, through the same code.
import { createUploadContract } from '@/lib/api/upload-contracts';
import { routes, type RouteHandler } from '@/lib/http/route';
import { serveUpload } from '@/lib/upload/serve-upload';

const create: RouteHandler = Object.assign((req: Request) => serveUpload(req), { contract: createUploadContract });
export const { GET, POST, PUT, PATCH, DELETE } = routes(create);
export const OPTIONS = (req: Request) => serveUpload(req);
