/** A route that failed to load (guard, loader, render): the error view; retry re-runs it. */
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useRouter } from '@tanstack/react-router';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { LazyErrorView } from '../ui/lazy-error-view.tsx';

export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  const retry = () => {
    queryReset.reset();
    reset();
    void router.invalidate();
  };
  return <LazyErrorView error={error} onRetry={retry} />;
}
