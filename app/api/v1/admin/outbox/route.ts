// GET /api/v1/admin/outbox — every mail: sent, failed, waiting, or kept when no SMTP_URL is set (admin)
import { listOutboxContract } from '@/lib/api/account-mail-contracts';
import { handle, routes } from '@/lib/http/route';
import { listOutbox } from '@/lib/mail/outbox';

export const { GET, POST, PUT, PATCH, DELETE } = routes(handle(listOutboxContract, ({ query }) => listOutbox(query)));
