// Points this process's configuration at a fake Trakt (as the server's Trakt app), or at none.
import { resetConfig } from '@/lib/config';
import { FAKE_TRAKT_CLIENT_ID, FAKE_TRAKT_CLIENT_SECRET } from './trakt-server';

export function useFakeTrakt(fake: { url: string }) {
  Object.assign(process.env, { TRAKT_CLIENT_ID: FAKE_TRAKT_CLIENT_ID, TRAKT_CLIENT_SECRET: FAKE_TRAKT_CLIENT_SECRET, TRAKT_BASE_URL: fake.url, TRAKT_AUTH_URL: fake.url });
  resetConfig();
}

export function withoutTrakt() {
  for (const k of ['TRAKT_CLIENT_ID', 'TRAKT_CLIENT_SECRET', 'TRAKT_BASE_URL', 'TRAKT_AUTH_URL']) delete process.env[k];
  resetConfig();
}
