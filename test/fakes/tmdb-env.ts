// Points this process's configuration at a fake TMDB, or at none.
import { resetConfig } from '@/lib/config';
import { FAKE_TMDB_API_KEY } from './tmdb-server';

export function useFakeTmdb(fake: { url: string; imageBaseUrl: string }) {
  Object.assign(process.env, { TMDB_API_KEY: FAKE_TMDB_API_KEY, TMDB_BASE_URL: fake.url, TMDB_IMAGE_BASE_URL: fake.imageBaseUrl });
  resetConfig();
}

export function withoutTmdb() {
  delete process.env.TMDB_API_KEY;
  resetConfig();
}
