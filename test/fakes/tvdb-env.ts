// Points this process's configuration at a fake TheTVDB (and a public URL for the proxy's links).
import { resetConfig } from '@/lib/config';
import { FAKE_TVDB_API_KEY } from './tvdb-server';

export function useFakeTvdb(fakeUrl: string, publicUrl: string) {
  Object.assign(process.env, { TVDB_API_KEY: FAKE_TVDB_API_KEY, TVDB_BASE_URL: fakeUrl, PUBLIC_URL: publicUrl });
  resetConfig();
}
