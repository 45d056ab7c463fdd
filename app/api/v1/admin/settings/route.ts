// GET /api/v1/admin/settings — server settings; PATCH — change them (admin)
import { getSettingsContract, updateSettingsContract } from '@/lib/api/admin-contracts';
import { handle, routes } from '@/lib/http/route';
import { getServerSettings, updateServerSettings } from '@/lib/settings/settings';

export const { GET, POST, PUT, PATCH, DELETE } = routes(
  handle(getSettingsContract, () => getServerSettings()),
  handle(updateSettingsContract, ({ body }) => updateServerSettings(body)),
);
