/**
 * A result the server did not hand over: "not released to you yet" (403), "not in this cycle's
 * locus" (404), or any other failure as the compact error view with a retry.
 */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';

/**
 * Why a result is not shown: the server withholds it from this role (403: not released), or the
 * body/unit is not part of the cycle's locus (404). Null for any other error.
 */
export function unavailableReason(error: unknown): 'not_released' | 'not_in_locus' | null {
  if (!isApiError(error)) return null;
  if (error.status === 403) return 'not_released';
  if (error.status === 404) return 'not_in_locus';
  return null;
}

export interface ResultStateProps {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}

export function ResultState({ query }: ResultStateProps) {
  const { t } = useTranslation('pemda');
  if (query.isError) {
    const reason = unavailableReason(query.error);
    if (reason) {
      return (
        <Alert color="gray" role="status" title={t(`unavailable.${reason}.title`)}>
          {t(`unavailable.${reason}.body`)}
        </Alert>
      );
    }
    return <ErrorView error={query.error} onRetry={() => void query.refetch()} compact />;
  }
  if (query.isPending) return <PageLoader />;
  return null;
}
