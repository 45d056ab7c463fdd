// POST /api/v1/library/:id/files/missing — a remote scanner's files that are gone: marked missing (admin or scanner key)
import { markRemoteMissingContract } from '@/lib/api/library-contracts';
import { handle, routes } from '@/lib/http/route';
import { markRemoteFilesMissing } from '@/lib/library/remote-items';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(markRemoteMissingContract, ({ params, body }) => markRemoteFilesMissing(params.id, body.paths)));
