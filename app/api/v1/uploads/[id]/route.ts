// HEAD/PATCH/DELETE /api/v1/uploads/{id} — resume, send or cancel a tus upload (see ../route.ts).
import { deleteUploadContract, patchUploadContract } from '@/lib/api/upload-contracts';
import { routes, type RouteHandler } from '@/lib/http/route';
import { serveUpload } from '@/lib/upload/serve-upload';

const patch: RouteHandler = Object.assign((req: Request) => serveUpload(req), { contract: patchUploadContract });
const remove: RouteHandler = Object.assign((req: Request) => serveUpload(req), { contract: deleteUploadContract });
export const { GET, POST, PUT, PATCH, DELETE } = routes(patch, remove);
export const HEAD = (req: Request) => serveUpload(req);
export const OPTIONS = (req: Request) => serveUpload(req);
