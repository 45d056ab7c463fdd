// The configured online provider for this process: TMDB when TMDB_API_KEY is set, else none (and
// metadata stays local). One client per process, so its request limit holds across jobs.
import { config } from '@/lib/config';
import { TmdbClient } from '../tmdb-client';
import type { OnlineProvider } from './provider';
import { tmdbProvider } from './tmdb-provider';

let cached: { key: string; provider: OnlineProvider | null } | undefined;

export function onlineProvider(): OnlineProvider | null {
  const c = config().tmdb;
  const key = `${c.apiKey}|${c.baseUrl}|${c.imageBaseUrl}|${c.language}`;
  if (cached?.key !== key) {
    cached = { key, provider: c.apiKey ? tmdbProvider(new TmdbClient({ apiKey: c.apiKey, baseUrl: c.baseUrl, imageBaseUrl: c.imageBaseUrl, language: c.language })) : null };
  }
  return cached.provider;
}
