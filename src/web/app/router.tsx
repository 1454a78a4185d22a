/**
 * Code-based route tree. Every screen is a lazy chunk and its i18n namespace loads in the
 * route loader (in parallel with the chunk), so a public page only downloads the shell and
 * its own screen. Role checks happen in `beforeLoad` (route-guards.ts).
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  redirect,
} from '@tanstack/react-router';
import { getMeQueryOptions } from '../auth/use-me.ts';
import { i18n, type Namespace } from '../lib/i18n.ts';
import { ROLE_HOME, safeRedirect } from '../lib/roles.ts';
import { loadScheme } from '../lib/schemes.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { AppLayout } from './app-layout.tsx';
import { requireRole, type SessionContext } from './route-guards.ts';
import { RouteError } from './route-error.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const loadNs = (ns: Namespace) => () => i18n.loadNamespaces(ns);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }): Promise<SessionContext> => {
    try {
      return { user: await context.queryClient.ensureQueryData(getMeQueryOptions()), sessionError: null };
    } catch (error) {
      return { user: null, sessionError: error };
    }
  },
  component: AppLayout,
  notFoundComponent: () => <ErrorView kind="notFound" />,
});

// Public -------------------------------------------------------------------------------------

const publicHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: loadNs('public'),
  component: lazyRouteComponent(() => import('../public/public-home-screen.tsx'), 'PublicHomeScreen'),
});

export interface LoginSearch {
  redirect?: string;
  reason?: 'expired';
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: safeRedirect(search.redirect) ?? undefined,
    reason: search.reason === 'expired' ? 'expired' : undefined,
  }),
  loader: loadNs('auth'),
  component: lazyRouteComponent(() => import('../auth/login-screen.tsx'), 'LoginScreen'),
});

/** "Beranda": the signed-in user's own start screen. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/home',
  beforeLoad: ({ context }) => {
    throw redirect({ to: context.user ? ROLE_HOME[context.user.role] : '/' });
  },
});

const schemesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/schemes',
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/scheme-list-screen.tsx'), 'SchemeListScreen'),
});

const schemeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/schemes/$schemeId',
  loader: async ({ params }) => {
    const [scheme] = await Promise.all([loadScheme(params.schemeId), i18n.loadNamespaces('admin')]);
    if (!scheme) throw notFound();
    return { scheme };
  },
  component: lazyRouteComponent(() => import('../admin/scheme-viewer-screen.tsx'), 'SchemeViewerScreen'),
});

// Roles --------------------------------------------------------------------------------------

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/admin-home-screen.tsx'), 'AdminHomeScreen'),
});

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('review'),
  component: lazyRouteComponent(() => import('../review/review-home-screen.tsx'), 'ReviewHomeScreen'),
});

const assessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assess',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('assess'),
  component: lazyRouteComponent(() => import('../assess/assess-home-screen.tsx'), 'AssessHomeScreen'),
});

export interface SheetSearch {
  scheme?: string;
  instrument?: string;
}

const sheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assess/sheets/$sheetId',
  beforeLoad: requireRole(['asisten']),
  validateSearch: (search: Record<string, unknown>): SheetSearch => ({
    scheme: typeof search.scheme === 'string' ? search.scheme : undefined,
    instrument: typeof search.instrument === 'string' ? search.instrument : undefined,
  }),
  loader: loadNs('assess'),
  component: lazyRouteComponent(() => import('../assess/sheet-screen.tsx'), 'SheetScreen'),
});

const pemdaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: lazyRouteComponent(() => import('../pemda/pemda-home-screen.tsx'), 'PemdaHomeScreen'),
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unit',
  beforeLoad: requireRole(['operator']),
  loader: loadNs('pemda'),
  component: lazyRouteComponent(() => import('../pemda/unit-home-screen.tsx'), 'UnitHomeScreen'),
});

const routeTree = rootRoute.addChildren([
  publicHomeRoute,
  loginRoute,
  homeRoute,
  schemesRoute,
  schemeRoute,
  adminRoute,
  reviewRoute,
  assessRoute,
  sheetRoute,
  pemdaRoute,
  unitRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Loaders only load code, translations and library files; React Query owns API caching.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: () => <ErrorView kind="notFound" />,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
