// GET /api/v1/library/:id/files — files pushed by remote scanners (admin or scanner key)
import { listRemoteFilesContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { listRemoteFiles } from '@/lib/library/remote-items';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listRemoteFilesContract, ({ params }) => listRemoteFiles(params.id)));
