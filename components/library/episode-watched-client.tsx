'use client';
// The episode page's watched toggle: changes at once, goes back (and says why) if the server refuses.
import { formError } from '@/components/queries/api-fetch';
import { useEpisodeWatched } from '@/components/queries/use-tracking';
import { useState } from 'react';

export function EpisodeWatchedToggle({ episodeId, seasonId, initialWatched }: { episodeId: string; seasonId: string; initialWatched: boolean }) {
  const [watched, setWatched] = useState(initialWatched);
  const mutation = useEpisodeWatched(episodeId, seasonId);
  return (
    <>
      <button
        type="button"
        aria-pressed={watched}
        onClick={() => {
          const next = !watched;
          setWatched(next);
          mutation.mutate(next, { onError: () => setWatched(!next) });
        }}
        className={`rounded-lg px-4 py-2 text-sm font-semibold ring-1 ring-inset ${
          watched ? 'bg-emerald-500/15 text-emerald-300 ring-emerald-500/40' : 'bg-white/5 text-zinc-100 ring-white/10 hover:bg-white/10'
        }`}
      >
        {watched ? '✓ Watched' : 'Mark watched'}
      </button>
      {mutation.isError && (
        <p role="alert" className="w-full text-sm text-red-300">
          Not saved: {formError(mutation.error)}
        </p>
      )}
    </>
  );
}
