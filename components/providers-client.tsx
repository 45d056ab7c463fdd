'use client';
// Client-side providers for the whole app: one TanStack Query client per browser tab.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiFetchError } from './queries/api-fetch';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Pages hand queries their server-loaded data; don't refetch it the moment they mount.
        staleTime: 30_000,
        // A 4xx will not get better by asking again.
        retry: (failures, err) => !(err instanceof ApiFetchError && err.status < 500) && failures < 2,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
