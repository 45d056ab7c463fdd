// Said before a user tries Discover or Identify: without TMDB_API_KEY or TVDB_API_KEY there is no
// online catalog to search or match against, and how to set one up.
import { Alert } from '@/components/ui/alert';

export function NoProviderNotice({ what }: { what: string }) {
  return (
    <Alert tone="info" className="space-y-1">
      <p className="font-medium text-zinc-100">No metadata provider is set up, so {what} cannot reach an online catalog.</p>
      <p>
        An admin sets <code className="font-mono text-xs">TMDB_API_KEY</code> (a TMDB v3 API key or read access token) or{' '}
        <code className="font-mono text-xs">TVDB_API_KEY</code> (TheTVDB v4, with <code className="font-mono text-xs">TVDB_PIN</code> for a user-supported key) in the
        server’s environment and restarts Marquee. Local metadata (NFO files, artwork beside the files) works without one.
      </p>
    </Alert>
  );
}
