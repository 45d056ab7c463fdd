// Libraries: list (polled while one is scanning), add one, check a folder as it is typed, queue a task.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { checkPathResultSchema, createLibrarySchema, LibraryView } from '@/lib/library/libraries';
import { apiFetch } from './api-fetch';

export type { LibraryView };
export type LibraryType = LibraryView['type'];
export type NewLibrary = z.infer<typeof createLibrarySchema>;
export type PathCheck = z.infer<typeof checkPathResultSchema>;
export type LibraryTask = 'scan' | 'rescan';

export const libraryKeys = {
  all: ['libraries'] as const,
  list: () => [...libraryKeys.all, 'list'] as const,
  checkPath: (path: string) => [...libraryKeys.all, 'check-path', path] as const,
};

const busy = (libraries: LibraryView[] | undefined) => libraries?.some((l) => l.scan_status === 'queued' || l.scan_status === 'scanning') ?? false;

export function useLibraries(initialData?: LibraryView[]) {
  return useQuery({
    queryKey: libraryKeys.list(),
    queryFn: ({ signal }) => apiFetch<LibraryView[]>('/api/v1/library', { signal }),
    initialData,
    // Counts and statuses move while a scan runs: follow them until every library is idle.
    refetchInterval: (query) => (busy(query.state.data) ? 2000 : false),
  });
}

export function useCreateLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewLibrary) => apiFetch<{ id: string }>('/api/v1/library', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

/** Would this folder be accepted? `path` should already be debounced; an empty path is not checked. */
export function useCheckLibraryPath(path: string) {
  return useQuery({
    queryKey: libraryKeys.checkPath(path),
    queryFn: ({ signal }) => apiFetch<PathCheck>('/api/v1/library/check-path', { method: 'POST', body: { path }, signal }),
    enabled: path.trim() !== '',
    staleTime: 5000,
    retry: false,
  });
}

export function useRunLibraryTask(libraryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (flag: LibraryTask) =>
      apiFetch<{ job_id: string }>(`/api/v1/library/${encodeURIComponent(libraryId)}/run`, { method: 'POST', body: { flag } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}
