/**
 * The app's QueryClient. One place reacts to an expired session: any query or mutation that
 * fails with 401 `auth.required` calls `onSessionExpired` (the app sends the user to the login
 * screen with a return-to), except requests marked `meta.skipSessionCheck` (login, logout,
 * /auth/me, whose 401 simply means "not signed in"). Client errors are not retried.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { NOT_DOWNLOADED, isApiError } from './api.ts';

export interface QueryClientHooks {
  onSessionExpired?: () => void;
}

function isSessionExpiry(error: unknown, meta: Record<string, unknown> | undefined): boolean {
  return isApiError(error) && error.status === 401 && error.code === 'auth.required' && !meta?.skipSessionCheck;
}

export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionExpiry(error, query.meta)) hooks.onSessionExpired?.();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (isSessionExpiry(error, mutation.meta)) hooks.onSessionExpired?.();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          // Offline with no copy on the device: asking again cannot help until the connection is back.
          if (isApiError(error) && error.code === NOT_DOWNLOADED) return false;
          return failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
