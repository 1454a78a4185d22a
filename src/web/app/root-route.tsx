/**
 * The root of the route tree (the shell, the session), shared by the public routes (router.tsx)
 * and the lazily added signed-in ones (signed-in-routes.tsx).
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { getMeQueryOptions } from '../api/auth.ts';
import { i18n, type Namespace } from '../lib/i18n.ts';
import { LazyErrorView } from '../ui/lazy-error-view.tsx';
import { AppLayout } from './app-layout.tsx';
import type { SessionContext } from './route-guards.ts';

export interface RouterContext {
  queryClient: QueryClient;
  /** Adds the signed-in routes to the route tree (once; router.tsx). */
  loadSignedInRoutes: () => Promise<void>;
  /** Whether a route other than the gate (router.tsx) matches this path in the tree as it is now. */
  hasRouteFor: (pathname: string) => boolean;
}

/** A route loader that loads one i18n namespace (in parallel with the route's lazy chunk). */
export const loadNs = (ns: Namespace) => () => i18n.loadNamespaces(ns);

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }): Promise<SessionContext> => {
    try {
      const user = await context.queryClient.ensureQueryData(getMeQueryOptions());
      // A session: fetch the signed-in routes and the table of their strings now, not once a link is followed.
      if (user) {
        context.loadSignedInRoutes().catch(() => undefined);
        import('../lib/signed-in-locales.ts').catch(() => undefined);
      }
      return { user, sessionError: null };
    } catch (error) {
      return { user: null, sessionError: error };
    }
  },
  component: AppLayout,
  notFoundComponent: () => <LazyErrorView kind="notFound" />,
});
