// POST /api/v1/trakt/device-code — link with a code entered on Trakt; the worker polls
import { traktDeviceContract } from '@/lib/api/trakt-contracts';
import { handle, routes } from '@/lib/http/route';
import { startDeviceLink } from '@/lib/trakt/device-link';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(traktDeviceContract, ({ auth }) => startDeviceLink(auth.user.id)));
