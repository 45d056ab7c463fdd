// The configured online provider for this process: TMDB when TMDB_API_KEY is set, else TheTVDB
// (through the proxy's cache) when TVDB_API_KEY is, else none (metadata stays local). One client
// per process, so its request limit holds across jobs.
import { config } from '@/lib/config';
import { TmdbClient } from '../tmdb-client';
import type { OnlineProvider } from './provider';
import { tmdbProvider } from './tmdb-provider';
import { tvdbProvider } from './tvdb-provider';

let cached: { key: string; provider: OnlineProvider | null } | undefined;
let cachedClient: { key: string; client: TmdbClient | null } | undefined;

/** This process's TMDB client when TMDB_API_KEY is set (the one the provider uses too), else null. */
export function tmdbClient(): TmdbClient | null {
  const c = config().tmdb;
  const key = `${c.apiKey}|${c.baseUrl}|${c.imageBaseUrl}|${c.language}`;
  if (cachedClient?.key !== key) {
    cachedClient = { key, client: c.apiKey ? new TmdbClient({ apiKey: c.apiKey, baseUrl: c.baseUrl, imageBaseUrl: c.imageBaseUrl, language: c.language }) : null };
  }
  return cachedClient.client;
}

export function onlineProvider(): OnlineProvider | null {
  const c = config().tmdb;
  const tvdbKey = config().tvdb.apiKey;
  const key = `${c.apiKey}|${c.baseUrl}|${c.imageBaseUrl}|${c.language}|${tvdbKey ? 'tvdb' : ''}`;
  if (cached?.key !== key) {
    const client = tmdbClient();
    const provider = client
      ? tmdbProvider(client)
      : tvdbKey
        ? tvdbProvider()
        : null;
    cached = { key, provider };
  }
  return cached.provider;
}

/** Which online provider is set up (as onlineProvider picks it), for pages that say so up front. */
export function configuredProvider(): 'tmdb' | 'tvdb' | null {
  return config().tmdb.apiKey ? 'tmdb' : config().tvdb.apiKey ? 'tvdb' : null;
}
