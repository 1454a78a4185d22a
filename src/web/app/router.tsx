/**
 * Code-based route tree. Every screen is a lazy chunk and its i18n namespace loads in the
 * route loader (in parallel with the chunk), so a public page only downloads the shell and
 * its own screen. Role checks happen in `beforeLoad` (route-guards.ts).
 *
 * The entry chunk holds only the public routes (issue 14 §2): the signed-in ones
 * (signed-in-routes.tsx) are a lazy chunk, added to the tree when a session is known (the root
 * route's beforeLoad) or when a URL matches no public route (the `$` route below: a deep link,
 * a reload on a signed-in page, a link followed before the session was read). The service
 * worker precaches that chunk with every other, so an offline asisten's screens still open.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, lazyRouteComponent, notFound, redirect, type RouterHistory } from '@tanstack/react-router';
import { i18n } from '../lib/i18n.ts';
import { ROLE_HOME, safeRedirect } from '../lib/roles.ts';
import { LazyErrorView } from '../ui/lazy-error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { validateCycleSearch, validateLeaderboardSearch, validateMapSearch } from '../public/public-search.ts';
import { loadNs, rootRoute } from './root-route.tsx';
import { RouteError } from './route-error.tsx';
import type { SignedInRoutes } from './signed-in-routes.tsx';

// Public -------------------------------------------------------------------------------------

// The public portal: the leaderboard is the start page; a government's page; the tile map.
const publicHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: validateLeaderboardSearch,
  loader: loadNs('public'),
  component: lazyRouteComponent(() => import('../public/leaderboard-screen.tsx'), 'LeaderboardScreen'),
});

const publicGovernmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/governments/$bodyId',
  validateSearch: validateCycleSearch,
  loader: loadNs('public'),
  component: lazyRouteComponent(() => import('../public/government-screen.tsx'), 'GovernmentScreen'),
});

const publicMapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/map',
  validateSearch: validateMapSearch,
  loader: loadNs('public'),
  component: lazyRouteComponent(() => import('../public/map-screen.tsx'), 'MapScreen'),
});

// The permanent page of a published version (no login; the koordinator sees it during the embargo).
const publicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/publikasi/$publicationId',
  loader: () => i18n.loadNamespaces(['publish', 'public']),
  component: lazyRouteComponent(() => import('../publish/publication-page.tsx'), 'PublicationPage'),
});

// Public certificate verification (the piagam's QR code opens it) and a publication's awards.
const verifyFormRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi',
  loader: loadNs('reports'),
  component: lazyRouteComponent(() => import('../reports/verification-page.tsx'), 'VerificationPage'),
});

const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi/$code',
  loader: loadNs('reports'),
  component: lazyRouteComponent(() => import('../reports/verification-page.tsx'), 'VerificationPage'),
});

const awardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/penghargaan/$publicationId',
  loader: () => i18n.loadNamespaces(['reports', 'public']),
  component: lazyRouteComponent(() => import('../reports/awards-page.tsx'), 'AwardsPage'),
});

// issue 18: unit awards, hand-over, award-night pack and press releases of a publication
const recognitionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rekognisi/$publicationId',
  loader: () => i18n.loadNamespaces(['recognition', 'reports', 'public']),
  component: lazyRouteComponent(() => import('../recognition/recognition-screen.tsx'), 'RecognitionScreen'),
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
    // The library's loader is not part of the shell (lib/schemes.ts, a chunk of the screens that read it).
    const scheme = import('../lib/schemes.ts').then((m) => m.loadScheme(params.schemeId));
    const [found] = await Promise.all([scheme, i18n.loadNamespaces('admin')]);
    if (!found) throw notFound();
    return { scheme: found };
  },
  component: lazyRouteComponent(() => import('../admin/scheme-viewer-screen.tsx'), 'SchemeViewerScreen'),
});

/**
 * Any path no public route matches, while the signed-in routes may not be in the tree yet: add
 * them and go to the same URL again, which now matches its route; a path no route has is not
 * found. The gate stays in the tree once they are added (a match the router keeps from an earlier
 * navigation may still name it), where it only catches paths that are not found.
 */
const signedInGateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$',
  beforeLoad: async ({ context, location }) => {
    await context.loadSignedInRoutes();
    if (!context.hasRouteFor(location.pathname)) throw notFound();
    throw redirect({ href: location.href, replace: true });
  },
});

const publicRoutes = [
  publicHomeRoute,
  publicGovernmentRoute,
  publicMapRoute,
  publicationRoute,
  verifyFormRoute,
  verifyRoute,
  awardsRoute,
  recognitionRoute, // issue 18
  loginRoute,
  homeRoute,
  schemesRoute,
  schemeRoute,
] as const;

/** The whole tree, public and signed-in routes (its type is the one links and hooks are checked against). */
const fullTree = (signedIn: SignedInRoutes) => rootRoute.addChildren([...publicRoutes, ...signedIn, signedInGateRoute]);
type RouteTree = ReturnType<typeof fullTree>;

/** The app's router; `history` is the browser's unless told (tests pass a memory history). */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  let signedIn: Promise<void> | undefined;
  const loadSignedInRoutes = (): Promise<void> => {
    signedIn ??= import('./signed-in-routes.tsx').then((m) => {
      // The root route is one object: its children are replaced and the router re-reads the tree.
      fullTree(m.signedInRoutes);
      router.setRoutes(router.buildRouteTree());
    });
    // A failed download (offline without the chunk) may be retried by the next navigation.
    signedIn.catch(() => {
      signedIn = undefined;
    });
    return signedIn;
  };
  const hasRouteFor = (pathname: string): boolean => {
    const found: unknown = router.getMatchedRoutes(pathname)[2];
    return found !== undefined && found !== signedInGateRoute;
  };
  const router = createRouter({
    // Typed as the whole tree; at first it holds the public routes and the gate (see above).
    routeTree: rootRoute.addChildren([...publicRoutes, signedInGateRoute]) as unknown as RouteTree,
    context: {
      queryClient,
      loadSignedInRoutes,
      hasRouteFor,
    },
    ...(history ? { history } : {}),
    defaultPreload: 'intent',
    // Loaders only load code, translations and library files; React Query owns API caching.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: () => <LazyErrorView kind="notFound" />,
    scrollRestoration: true,
  });
  return router;
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
