/**
 * Error and loading boundary for one panel: a failure inside it shows a compact error view
 * with a retry that also resets failed queries, while the rest of the screen keeps working;
 * a suspended panel shows a loader in its place only.
 */
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { LazyErrorView } from './lazy-error-view.tsx';
import { PageLoader } from './page-loader.tsx';

interface BoundaryProps {
  children: ReactNode;
  onReset?: () => void;
  /** Full-page view instead of the compact panel alert. */
  page?: boolean;
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
}

class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (import.meta.env.DEV) console.error('Panel failed', error, info.componentStack);
  }

  reset = (): void => {
    this.props.onReset?.();
    this.setState({ error: null, failed: false });
  };

  override render(): ReactNode {
    if (this.state.failed) return <LazyErrorView error={this.state.error} onRetry={this.reset} compact={!this.props.page} />;
    return this.props.children;
  }
}

export function PanelBoundary({ children, page = false }: { children: ReactNode; page?: boolean }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary onReset={reset} page={page}>
          <Suspense fallback={<PageLoader />}>{children}</Suspense>
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
