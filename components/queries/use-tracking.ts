// Watched checkmarks and follows, with optimistic updates: the season's episodes change at once
// and roll back if the server says no.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';
import { seasonKeys, type SeasonDetail } from './use-seasons';

type Change = { episodeIds: string[]; watched: boolean; path: string };

export function useSetWatched(seasonId: string) {
  const qc = useQueryClient();
  const key = seasonKeys.detail(seasonId);
  return useMutation({
    mutationFn: ({ watched, path }: Change) => apiFetch(path, { method: watched ? 'PUT' : 'DELETE' }),
    onMutate: async ({ episodeIds, watched }: Change) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<SeasonDetail>(key);
      if (before) {
        qc.setQueryData<SeasonDetail>(key, { ...before, episodes: before.episodes.map((e) => (episodeIds.includes(e.id) ? { ...e, watched } : e)) });
      }
      return { before };
    },
    onError: (_err, _change, ctx) => {
      if (ctx?.before) qc.setQueryData(key, ctx.before);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useFollow(showId: string) {
  return useMutation({
    mutationFn: (follow: boolean) => apiFetch<{ following: boolean }>(`/api/v1/tv/${encodeURIComponent(showId)}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
  });
}

/** One episode's watched state (the episode page); the season's list is loaded again afterwards. */
export function useEpisodeWatched(episodeId: string, seasonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (watched: boolean) => apiFetch(`/api/v1/episode/${encodeURIComponent(episodeId)}/watched`, { method: watched ? 'PUT' : 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: seasonKeys.detail(seasonId) }),
  });
}
