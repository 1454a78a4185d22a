/**
 * The error view for the shell's own boundaries (route errors, 404, PanelBoundary), loaded on
 * demand: no page needs it for its first paint, and with its alerts and buttons it would add
 * ~2 KB gzipped to every first visit (issue 4 §8). The service worker precaches the chunk, so
 * it is there offline too. Screens that show errors inline keep importing ErrorView directly.
 */
import { lazy, Suspense } from 'react';
import type { ErrorViewProps } from './error-view.tsx';

const ErrorViewChunk = lazy(() => import('./error-view.tsx').then((m) => ({ default: m.ErrorView })));

export function LazyErrorView(props: ErrorViewProps) {
  return (
    <Suspense fallback={null}>
      <ErrorViewChunk {...props} />
    </Suspense>
  );
}
