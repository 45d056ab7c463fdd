// Per-file problems of a library's last scan (admins only).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { scanIssueSchema } from '@/lib/library/scan-progress';
import { apiFetch } from './api-fetch';

export type ScanIssue = z.infer<typeof scanIssueSchema>;

export const scanIssueKeys = {
  all: ['scan-issues'] as const,
  list: (libraryId: string) => [...scanIssueKeys.all, libraryId] as const,
};

export function useScanIssues(libraryId: string, initialData?: ScanIssue[], { enabled = true } = {}) {
  return useQuery({
    queryKey: scanIssueKeys.list(libraryId),
    queryFn: ({ signal }) => apiFetch<ScanIssue[]>(`/api/v1/library/${encodeURIComponent(libraryId)}/issues`, { signal }),
    initialData,
    enabled,
  });
}
