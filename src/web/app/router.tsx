/**
 * Code-based route tree. Every screen is a lazy chunk and its i18n namespace loads in the
 * route loader (in parallel with the chunk), so a public page only downloads the shell and
 * its own screen. Role checks happen in `beforeLoad` (route-guards.ts).
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, notFound, redirect } from '@tanstack/react-router';
import { getMeQueryOptions } from '../api/auth.ts';
import { currentLang, i18n, type Namespace } from '../lib/i18n.ts';
import { ROLE_HOME, safeRedirect } from '../lib/roles.ts';
import { loadScheme } from '../lib/schemes.ts';
import { LazyErrorView } from '../ui/lazy-error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { validateCycleSearch, validateLeaderboardSearch, validateMapSearch } from '../public/public-search.ts';
import { AppLayout } from './app-layout.tsx';
import { requireRole, type SessionContext } from './route-guards.ts';
import { RouteError } from './route-error.tsx';
import type { SignedInScreen } from './signed-in-screens.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const loadNs = (ns: Namespace) => () => i18n.loadNamespaces(ns);
/** The table of signed-in screens (signed-in-screens.ts), a lazy chunk of its own. */
const signedInTable = () => import('./signed-in-screens.ts');
/** A screen behind a login: its chunk is named in the lazy table, not in the entry chunk. */
const signedInScreen = (name: SignedInScreen) =>
  lazyRouteComponent(() => signedInTable().then(async (m) => ({ default: await m.signedInScreens[name]() })));
/** Publication management: the namespace and the management strings merged into it (publish/manage-strings.ts). */
const loadPublishManage = () =>
  Promise.all([i18n.loadNamespaces('publish'), import('../publish/manage-strings.ts').then((m) => m.loadManageStrings(currentLang()))]);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }): Promise<SessionContext> => {
    try {
      const user = await context.queryClient.ensureQueryData(getMeQueryOptions());
      // A session: fetch the tables of signed-in screens and strings now, not once a screen's route matched.
      if (user) {
        signedInTable().catch(() => undefined);
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
  component: signedInScreen('AdminHomeScreen'),
});

// Admin workflow (registry, users, cycles) and the audit log (admin; pimpinan: own province).
const adminRegistryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/registry',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: signedInScreen('RegistryScreen'),
});

const adminBodyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/registry/$bodyId',
  // issue 17: the pimpinan locates its province's vertical offices; a koordinator (a ministry's
  // too: all its units nationally) reads its own body's units and where they are.
  beforeLoad: requireRole(['admin', 'pimpinan', 'koordinator']),
  loader: loadNs('admin'),
  component: signedInScreen('BodyScreen'),
});

const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: signedInScreen('UsersScreen'),
});

const adminCyclesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/cycles',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: signedInScreen('CyclesScreen'),
});

const adminCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/cycles/$cycleId',
  beforeLoad: requireRole(['admin']),
  // 'publish': the publication panel (publish/publication-link.tsx).
  loader: () => i18n.loadNamespaces(['admin', 'publish']),
  component: signedInScreen('CycleScreen'),
});

// Publishing a cycle's results and errata: admin (nation, any province), pimpinan (own province).
const adminPublicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/cycles/$cycleId/publikasi',
  beforeLoad: requireRole(['admin']),
  loader: loadPublishManage,
  component: signedInScreen('AdminPublicationScreen'),
});

// Excel import of historical results (admin); the answer-sheet import of an assigned unit (asisten).
const adminImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/import',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('transfer'),
  component: signedInScreen('ResultsImportScreen'),
});

const answersImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/$cycleId/$unitId/import',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('transfer'),
  component: signedInScreen('AnswersImportScreen'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  beforeLoad: requireRole(['admin', 'pimpinan']),
  loader: loadNs('admin'),
  component: signedInScreen('AuditScreen'),
});

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('review'),
  component: signedInScreen('ReviewHomeScreen'),
});

const assessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assess',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('assess'),
  component: signedInScreen('AssessHomeScreen'),
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
  component: signedInScreen('SheetScreen'),
});

// Asisten: assignments, one assigned unit, one sheet of it (the cycle's frozen scheme).
const assignmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/mine',
  // issue 12 §4: the pemda's internal assessor fills its assigned sheets with the same screens.
  beforeLoad: requireRole(['asisten', 'penilai']),
  loader: loadNs('assess'),
  component: signedInScreen('AssignmentsScreen'),
});

const assignmentUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/$cycleId/$unitId',
  // issue 12 §4: the pemda's internal assessor fills its assigned sheets with the same screens.
  beforeLoad: requireRole(['asisten', 'penilai']),
  loader: loadNs('assess'),
  component: signedInScreen('UnitWorkspaceScreen'),
});

const assignmentSheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/$cycleId/$unitId/sheets/$sheetId',
  // issue 12 §4: the pemda's internal assessor fills its assigned sheets with the same screens.
  beforeLoad: requireRole(['asisten', 'penilai']),
  validateSearch: (search: Record<string, unknown>): { instrument?: string } => ({
    instrument: typeof search.instrument === 'string' ? search.instrument : undefined,
  }),
  loader: loadNs('assess'),
  component: signedInScreen('CycleSheetScreen'),
});

// Pimpinan: review queue, cycle dashboard, one unit's review.
const reviewQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/queue',
  beforeLoad: requireRole(['pimpinan']),
  validateSearch: (search: Record<string, unknown>): { cycle?: string } => ({
    cycle: typeof search.cycle === 'string' ? search.cycle : undefined,
  }),
  loader: loadNs('review'),
  component: signedInScreen('ReviewQueueScreen'),
});

const reviewCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId',
  beforeLoad: requireRole(['pimpinan']),
  loader: () => i18n.loadNamespaces(['review', 'publish']),
  component: signedInScreen('CycleDashboardScreen'),
});

// issue 13 §5: the Perwakilan's visit plans of a cycle (list, calendar, progress, team-lead queue).
const reviewVisitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/kunjungan',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('review'),
  component: signedInScreen('VisitPlanScreen'),
});

// issue 13 §6: the team lead (an asisten the pimpinan names per cycle) reviews handed-in units first.
const leadQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tim',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('review'),
  component: signedInScreen('LeadQueueScreen'),
});

const leadUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tim/$cycleId/$unitId',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('review'),
  component: signedInScreen('LeadUnitReviewScreen'),
});

const reviewPublicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/publikasi',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadPublishManage,
  component: signedInScreen('ReviewPublicationScreen'),
});

// Clarification (klarifikasi): the pimpinan's disputes queue of a cycle, the asisten's queue of
// its assigned units, and the koordinator's clarification page of its body.
const reviewClarificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/klarifikasi',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('clarify'),
  component: signedInScreen('ReviewDisputesScreen'),
});

const assistantClarificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/klarifikasi',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('clarify'),
  component: signedInScreen('AssistantDisputesScreen'),
});

const pemdaClarificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/cycles/$cycleId/klarifikasi',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('clarify'),
  component: signedInScreen('ClarificationScreen'),
});

// issue 12 §4: the government's own pre-assessment and a unit's comparison with the last official result.
const preAssessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/pra-penilaian',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: signedInScreen('PreAssessmentScreen'),
});

const preAssessmentCompareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/pra-penilaian/$cycleId/$unitId',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: signedInScreen('PreAssessmentCompareScreen'),
});

const reviewUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/units/$unitId',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('review'),
  component: signedInScreen('UnitReviewScreen'),
});

const pemdaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: signedInScreen('PemdaHomeScreen'),
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unit',
  beforeLoad: requireRole(['operator']),
  loader: loadNs('pemda'),
  component: signedInScreen('UnitHomeScreen'),
});

// Koordinator: a cycle's results and improvements for its body, and one unit's indicators and
// evidence; operator: its own unit in a cycle.
const pemdaCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/cycles/$cycleId',
  beforeLoad: requireRole(['koordinator']),
  // 'publish': the embargo notice (publish/embargo-notice.tsx).
  loader: () => i18n.loadNamespaces(['pemda', 'publish']),
  component: signedInScreen('PemdaCycleScreen'),
});

const pemdaUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/cycles/$cycleId/units/$unitId',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: signedInScreen('PemdaUnitScreen'),
});

const operatorCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unit/cycles/$cycleId',
  beforeLoad: requireRole(['operator']),
  loader: loadNs('pemda'),
  component: signedInScreen('OperatorUnitScreen'),
});

// issue 15: the own account (every role): password change and two-step verification.
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/akun',
  beforeLoad: requireRole(['admin', 'pimpinan', 'asisten', 'koordinator', 'operator', 'evaluator', 'penilai']),
  loader: loadNs('auth'),
  component: signedInScreen('AccountScreen'),
});

// issue 10 ─ PEKPPP: the unit's F-01 and the evaluator's F-02 workbench.
const pekpppHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pekppp',
  beforeLoad: requireRole(['operator', 'koordinator', 'evaluator', 'admin']),
  loader: loadNs('pekppp'),
  component: signedInScreen('PekpppHomeScreen'),
});

const pekpppUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pekppp/cycles/$cycleId/units/$unitId',
  beforeLoad: requireRole(['operator', 'koordinator', 'evaluator', 'admin', 'pimpinan']),
  loader: loadNs('pekppp'),
  component: signedInScreen('PekpppUnitScreen'),
});

// issue 12 ─ the improvement loop: findings of a published cycle, the action board, one action.
export interface FindingsSearch {
  cycle?: string;
  body?: string;
  unit?: string;
}
const IMPROVE_ROLES = ['koordinator', 'operator', 'pimpinan', 'admin'] as const;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

const findingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/temuan',
  // the asisten opens it from an assigned unit: last cycle's findings, marked at the visit (pre-check).
  beforeLoad: requireRole([...IMPROVE_ROLES, 'asisten']),
  validateSearch: (search: Record<string, unknown>): FindingsSearch => ({
    cycle: str(search.cycle),
    body: str(search.body),
    unit: str(search.unit),
  }),
  loader: loadNs('improve'),
  component: signedInScreen('FindingsScreen'),
});

// issue 12 §6: the target planner and the what-if view (the koordinator's own government; the pimpinan's province).
export interface PlanSearch {
  cycle?: string;
  body?: string;
  scope?: 'province' | 'national';
  rank?: number;
  /** The what-if's scheme. */
  scheme?: string;
}
const planSearch = (s: Record<string, unknown>): PlanSearch => ({
  cycle: str(s.cycle),
  body: str(s.body),
  scope: s.scope === 'national' || s.scope === 'province' ? s.scope : undefined,
  rank: Number.isInteger(s.rank) && (s.rank as number) >= 1 ? (s.rank as number) : undefined,
  scheme: str(s.scheme),
});
const PLAN_ROLES = requireRole(['koordinator', 'pimpinan', 'admin']);

const targetPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sasaran',
  beforeLoad: PLAN_ROLES,
  validateSearch: planSearch,
  loader: loadNs('improve'),
  component: signedInScreen('TargetPlanScreen'),
});

const whatIfRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/simulasi',
  beforeLoad: PLAN_ROLES,
  validateSearch: planSearch,
  loader: loadNs('improve'),
  component: signedInScreen('WhatIfScreen'),
});

export interface ActionBoardSearch {
  body?: string;
  unit?: string;
  status?: string;
  timing?: string;
  source?: string;
  page?: number;
}

const actionBoardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tindak-lanjut',
  beforeLoad: requireRole(IMPROVE_ROLES),
  validateSearch: (search: Record<string, unknown>): ActionBoardSearch => ({
    body: str(search.body),
    unit: str(search.unit),
    status: str(search.status),
    timing: str(search.timing),
    source: str(search.source),
    page: typeof search.page === 'number' && search.page > 1 ? Math.floor(search.page) : undefined,
  }),
  loader: loadNs('improve'),
  component: signedInScreen('ActionBoardScreen'),
});

const actionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tindak-lanjut/$actionId',
  beforeLoad: requireRole([...IMPROVE_ROLES, 'asisten']),
  loader: loadNs('improve'),
  component: signedInScreen('ActionDetailScreen'),
});

// issue 12 §3 ─ a unit's evidence library (its operator; its government's koordinator, `?unit=`).
const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pustaka',
  beforeLoad: requireRole(['operator', 'koordinator']),
  validateSearch: (search: Record<string, unknown>): { unit?: string } => ({ unit: str(search.unit) }),
  loader: loadNs('improve'),
  component: signedInScreen('LibraryScreen'),
});

// issue 11 ─ public surveys: the unit operator's / koordinator's list, set-up and survey page.
const surveysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei',
  beforeLoad: requireRole(['operator', 'koordinator']),
  loader: loadNs('surveys'),
  component: signedInScreen('SurveysScreen'),
});

const surveySetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei/baru',
  beforeLoad: requireRole(['operator', 'koordinator']),
  loader: loadNs('surveys'),
  component: signedInScreen('SurveySetupScreen'),
});

const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei/$surveyId',
  beforeLoad: requireRole(['operator', 'koordinator', 'pimpinan', 'admin']),
  loader: loadNs('surveys'),
  component: signedInScreen('SurveyScreen'),
});

const paperEntryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei/$surveyId/kertas',
  beforeLoad: requireRole(['operator', 'koordinator', 'admin']),
  loader: loadNs('surveys'),
  component: signedInScreen('PaperEntryScreen'),
});

const routeTree = rootRoute.addChildren([
  preAssessmentRoute,
  preAssessmentCompareRoute,
  publicHomeRoute,
  publicGovernmentRoute,
  publicMapRoute,
  publicationRoute,
  verifyFormRoute,
  verifyRoute,
  awardsRoute,
  loginRoute,
  homeRoute,
  schemesRoute,
  schemeRoute,
  adminRoute,
  reviewRoute,
  assessRoute,
  sheetRoute,
  assignmentsRoute,
  assignmentUnitRoute,
  assignmentSheetRoute,
  reviewQueueRoute,
  reviewVisitsRoute,
  leadQueueRoute,
  leadUnitRoute,
  reviewCycleRoute,
  reviewPublicationRoute,
  reviewUnitRoute,
  reviewClarificationRoute,
  assistantClarificationRoute,
  pemdaClarificationRoute,
  pemdaRoute,
  unitRoute,
  adminRegistryRoute,
  adminBodyRoute,
  adminUsersRoute,
  adminCyclesRoute,
  adminCycleRoute,
  adminPublicationRoute,
  auditRoute,
  adminImportRoute,
  answersImportRoute,
  pemdaCycleRoute,
  pemdaUnitRoute,
  operatorCycleRoute,
  // issue 15
  accountRoute,
  recognitionRoute, // issue 18
  // issue 10
  pekpppHomeRoute,
  pekpppUnitRoute,
  // issue 12
  findingsRoute,
  actionBoardRoute,
  targetPlanRoute,
  whatIfRoute,
  actionRoute,
  libraryRoute,
  // issue 11
  surveysRoute,
  surveySetupRoute,
  surveyRoute,
  paperEntryRoute,
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
    defaultNotFoundComponent: () => <LazyErrorView kind="notFound" />,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
