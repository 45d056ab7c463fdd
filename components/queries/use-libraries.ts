// Libraries: list (polled while one is scanning), add, edit and delete one, check a folder as it
// is typed, queue a task, and the sample libraries offered on first run.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { checkPathResultSchema, createLibrarySchema, LibraryView, updateLibrarySchema } from '@/lib/library/libraries';
import type { addedSamplesSchema, sampleOfferSchema } from '@/lib/library/sample-libraries';
import { apiFetch } from './api-fetch';

export type { LibraryView };
export type LibraryType = LibraryView['type'];
export type NewLibrary = z.infer<typeof createLibrarySchema>;
export type LibraryPatch = z.infer<typeof updateLibrarySchema>;
export type PathCheck = z.infer<typeof checkPathResultSchema>;
export type SampleOffer = z.infer<typeof sampleOfferSchema>;
export type LibraryTask = 'scan' | 'rescan';

export const libraryKeys = {
  all: ['libraries'] as const,
  list: () => [...libraryKeys.all, 'list'] as const,
  checkPath: (path: string, libraryId?: string) => [...libraryKeys.all, 'check-path', path, libraryId ?? ''] as const,
  sample: () => [...libraryKeys.all, 'sample'] as const,
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

export function useUpdateLibrary(libraryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: LibraryPatch) => apiFetch<LibraryView>(`/api/v1/library/${encodeURIComponent(libraryId)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export function useDeleteLibrary(libraryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/library/${encodeURIComponent(libraryId)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

/** The sample libraries' offer; asked again every few seconds while the worker is still making the media. */
export function useSampleOffer() {
  return useQuery({
    queryKey: libraryKeys.sample(),
    queryFn: ({ signal }) => apiFetch<SampleOffer>('/api/v1/library/sample', { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'generating' ? 3000 : false),
  });
}

export function useAddSampleLibraries() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<z.infer<typeof addedSamplesSchema>>('/api/v1/library/sample', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

/**
 * Would this folder be accepted (as a folder of library `libraryId`, when editing it)? `path`
 * should already be debounced; an empty path is not checked.
 */
export function useCheckLibraryPath(path: string, libraryId?: string) {
  return useQuery({
    queryKey: libraryKeys.checkPath(path, libraryId),
    queryFn: ({ signal }) => apiFetch<PathCheck>('/api/v1/library/check-path', { method: 'POST', body: { path, library_id: libraryId }, signal }),
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
