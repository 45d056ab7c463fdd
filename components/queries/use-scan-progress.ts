// A library's scan state, kept live by its server-sent events (`event: progress`) written into the cache.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ScanProgress } from '@/lib/library/scan-progress';
import { apiFetch } from './api-fetch';

export type { ScanProgress };

export const scanProgressKeys = {
  all: ['scan-progress'] as const,
  detail: (libraryId: string) => [...scanProgressKeys.all, libraryId] as const,
};

export function useScanProgress(libraryId: string, initialData?: ScanProgress) {
  const qc = useQueryClient();
  useEffect(() => {
    // EventSource reconnects by itself when the stream ends or the server restarts.
    const events = new EventSource(`/api/v1/library/${encodeURIComponent(libraryId)}/events`);
    const onProgress = (e: MessageEvent<string>) => {
      try {
        qc.setQueryData(scanProgressKeys.detail(libraryId), JSON.parse(e.data) as ScanProgress);
      } catch {
        // A malformed event: keep the last good state.
      }
    };
    events.addEventListener('progress', onProgress);
    return () => {
      events.removeEventListener('progress', onProgress);
      events.close();
    };
  }, [libraryId, qc]);

  return useQuery({
    queryKey: scanProgressKeys.detail(libraryId),
    queryFn: ({ signal }) => apiFetch<ScanProgress>(`/api/v1/library/${encodeURIComponent(libraryId)}/scan`, { signal }),
    initialData,
    // The event stream keeps it fresh.
    staleTime: Infinity,
  });
}
