// What to say when the catalog (the online provider, TMDB) cannot answer: no key configured, no TV library to follow
// into, or the provider's own failure.
import { ApiFetchError, formError } from '@/components/queries/api-fetch';

export function catalogError(err: unknown): string | null {
  if (err instanceof ApiFetchError && err.code === 'provider_unavailable') {
    return 'Online metadata is not set up on this server: an admin needs to configure a provider (a TMDB API key, TMDB_API_KEY) first.';
  }
  if (err instanceof ApiFetchError && err.code === 'conflict') {
    return 'There is no TV library yet: an admin needs to add one before shows can be followed from here.';
  }
  return formError(err);
}
