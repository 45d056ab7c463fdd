// GET /api/health — public liveness: database, worker heartbeat, ffmpeg
import { healthContract } from '@/lib/api/system-contracts';
import { handle, routes } from '@/lib/http/route';
import { getHealth } from '@/lib/system/health';

export const dynamic = 'force-dynamic';
export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(healthContract, () => getHealth()));
