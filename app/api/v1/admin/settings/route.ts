// GET /api/v1/admin/settings — server settings; PATCH — change them (admin)
import { getSettingsContract, updateSettingsContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { getServerSettings, setSetting } from '@/lib/settings/settings';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getSettingsContract, () => getServerSettings()),
  handle(updateSettingsContract, async ({ body }) => {
    if (body.registration) await setSetting('registration', body.registration);
    return getServerSettings();
  }),
);
