/**
 * Loading and error states of a non-suspending query inside a panel: a loader while the first
 * page loads, the compact error view (with retry) when it failed, nothing once data is there.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';

export function QueryStatus({ query }: { query: Pick<UseQueryResult, 'isPending' | 'isError' | 'error' | 'refetch'> }) {
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} compact />;
  if (query.isPending) return <PageLoader />;
  return null;
}
