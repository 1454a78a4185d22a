/**
 * The routes behind a login (every route with a role guard), a lazy chunk of their own: a public
 * first visit downloads neither their paths, guards and search validators nor their screens' chunk
 * names (issue 14 §2, `npx tsx bench/web-size.ts`). router.tsx adds them to the route tree as soon
 * as a session is known, or when a URL matches no public route (a deep link, a reload). Each
 * screen is a lazy chunk of its own and its i18n namespace loads in the route loader.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { currentLang, i18n } from '../lib/i18n.ts';
import { loadNs, rootRoute } from './root-route.tsx';
import { requireRole } from './route-guards.ts';
// The signed-in screens' `ui` strings (role names, the role homes), merged before any of them renders.
import '../ui/signed-in-strings.ts';

/** Publication management: the namespace and the management strings merged into it (publish/manage-strings.ts). */
const loadPublishManage = () =>
  Promise.all([i18n.loadNamespaces('publish'), import('../publish/manage-strings.ts').then((m) => m.loadManageStrings(currentLang()))]);

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/admin-home-screen.tsx'), 'AdminHomeScreen'),
});

// Admin workflow (registry, users, cycles) and the audit log (admin; pimpinan: own province).
const adminRegistryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/registry',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/registry-screen.tsx'), 'RegistryScreen'),
});

const adminBodyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/registry/$bodyId',
  // issue 17: the pimpinan locates its province's vertical offices; a koordinator (a ministry's
  // too: all its units nationally) reads its own body's units and where they are.
  beforeLoad: requireRole(['admin', 'pimpinan', 'koordinator']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/body-screen.tsx'), 'BodyScreen'),
});

const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/users-screen.tsx'), 'UsersScreen'),
});

const adminCyclesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/cycles',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/cycles-screen.tsx'), 'CyclesScreen'),
});

const adminCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/cycles/$cycleId',
  beforeLoad: requireRole(['admin']),
  // 'publish': the publication panel (publish/publication-link.tsx).
  loader: () => i18n.loadNamespaces(['admin', 'publish']),
  component: lazyRouteComponent(() => import('../admin/cycle-screen.tsx'), 'CycleScreen'),
});

// Publishing a cycle's results and errata: admin (nation, any province), pimpinan (own province).
const adminPublicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/cycles/$cycleId/publikasi',
  beforeLoad: requireRole(['admin']),
  loader: loadPublishManage,
  component: lazyRouteComponent(() => import('../publish/publication-manager-screen.tsx'), 'AdminPublicationScreen'),
});

// Excel import of historical results (admin); the answer-sheet import of an assigned unit (asisten).
const adminImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/import',
  beforeLoad: requireRole(['admin']),
  loader: loadNs('transfer'),
  component: lazyRouteComponent(() => import('../transfer/results-import-screen.tsx'), 'ResultsImportScreen'),
});

const answersImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/$cycleId/$unitId/import',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('transfer'),
  component: lazyRouteComponent(() => import('../transfer/answers-import-screen.tsx'), 'AnswersImportScreen'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  beforeLoad: requireRole(['admin', 'pimpinan']),
  loader: loadNs('admin'),
  component: lazyRouteComponent(() => import('../admin/audit-screen.tsx'), 'AuditScreen'),
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

// Asisten: assignments, one assigned unit, one sheet of it (the cycle's frozen scheme).
const assignmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/mine',
  // issue 12 §4: the pemda's internal assessor fills its assigned sheets with the same screens.
  beforeLoad: requireRole(['asisten', 'penilai']),
  loader: loadNs('assess'),
  component: lazyRouteComponent(() => import('../assess/assignments-screen.tsx'), 'AssignmentsScreen'),
});

const assignmentUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/$cycleId/$unitId',
  // issue 12 §4: the pemda's internal assessor fills its assigned sheets with the same screens.
  beforeLoad: requireRole(['asisten', 'penilai']),
  loader: loadNs('assess'),
  component: lazyRouteComponent(() => import('../assess/unit-workspace-screen.tsx'), 'UnitWorkspaceScreen'),
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
  component: lazyRouteComponent(() => import('../assess/cycle-sheet-screen.tsx'), 'CycleSheetScreen'),
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
  component: lazyRouteComponent(() => import('../review/review-queue-screen.tsx'), 'ReviewQueueScreen'),
});

const reviewCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId',
  beforeLoad: requireRole(['pimpinan']),
  loader: () => i18n.loadNamespaces(['review', 'publish']),
  component: lazyRouteComponent(() => import('../review/cycle-dashboard-screen.tsx'), 'CycleDashboardScreen'),
});

// issue 13 §5: the Perwakilan's visit plans of a cycle (list, calendar, progress, team-lead queue).
const reviewVisitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/kunjungan',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('review'),
  component: lazyRouteComponent(() => import('../review/visit-plan-screen.tsx'), 'VisitPlanScreen'),
});

// issue 13 §6: the team lead (an asisten the pimpinan names per cycle) reviews handed-in units first.
const leadQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tim',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('review'),
  component: lazyRouteComponent(() => import('../review/lead-queue-screen.tsx'), 'LeadQueueScreen'),
});

const leadUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tim/$cycleId/$unitId',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('review'),
  component: lazyRouteComponent(() => import('../review/unit-review-screen.tsx'), 'LeadUnitReviewScreen'),
});

const reviewPublicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/publikasi',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadPublishManage,
  component: lazyRouteComponent(() => import('../publish/publication-manager-screen.tsx'), 'ReviewPublicationScreen'),
});

// Clarification (klarifikasi): the pimpinan's disputes queue of a cycle, the asisten's queue of
// its assigned units, and the koordinator's clarification page of its body.
const reviewClarificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/klarifikasi',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('clarify'),
  component: lazyRouteComponent(() => import('../clarify/dispute-queue-screen.tsx'), 'ReviewDisputesScreen'),
});

const assistantClarificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/assignments/klarifikasi',
  beforeLoad: requireRole(['asisten']),
  loader: loadNs('clarify'),
  component: lazyRouteComponent(() => import('../clarify/dispute-queue-screen.tsx'), 'AssistantDisputesScreen'),
});

const pemdaClarificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/cycles/$cycleId/klarifikasi',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('clarify'),
  component: lazyRouteComponent(() => import('../clarify/clarification-screen.tsx'), 'ClarificationScreen'),
});

// issue 12 §4: the government's own pre-assessment and a unit's comparison with the last official result.
const preAssessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/pra-penilaian',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: lazyRouteComponent(() => import('../pemda/pre-assessment-screen.tsx'), 'PreAssessmentScreen'),
});

const preAssessmentCompareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/pra-penilaian/$cycleId/$unitId',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: lazyRouteComponent(() => import('../pemda/pre-assessment-compare-screen.tsx'), 'PreAssessmentCompareScreen'),
});

const reviewUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/units/$unitId',
  beforeLoad: requireRole(['pimpinan']),
  loader: loadNs('review'),
  component: lazyRouteComponent(() => import('../review/unit-review-screen.tsx'), 'UnitReviewScreen'),
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

// Koordinator: a cycle's results and improvements for its body, and one unit's indicators and
// evidence; operator: its own unit in a cycle.
const pemdaCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/cycles/$cycleId',
  beforeLoad: requireRole(['koordinator']),
  // 'publish': the embargo notice (publish/embargo-notice.tsx).
  loader: () => i18n.loadNamespaces(['pemda', 'publish']),
  component: lazyRouteComponent(() => import('../pemda/pemda-cycle-screen.tsx'), 'PemdaCycleScreen'),
});

const pemdaUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pemda/cycles/$cycleId/units/$unitId',
  beforeLoad: requireRole(['koordinator']),
  loader: loadNs('pemda'),
  component: lazyRouteComponent(() => import('../pemda/unit-result-screens.tsx'), 'PemdaUnitScreen'),
});

const operatorCycleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unit/cycles/$cycleId',
  beforeLoad: requireRole(['operator']),
  loader: loadNs('pemda'),
  component: lazyRouteComponent(() => import('../pemda/unit-result-screens.tsx'), 'OperatorUnitScreen'),
});

// issue 15: the own account (every role): password change and two-step verification.
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/akun',
  beforeLoad: requireRole(['admin', 'pimpinan', 'asisten', 'koordinator', 'operator', 'evaluator', 'penilai']),
  loader: loadNs('auth'),
  component: lazyRouteComponent(() => import('../auth/account-screen.tsx'), 'AccountScreen'),
});

// issue 10 ─ PEKPPP: the unit's F-01 and the evaluator's F-02 workbench.
const pekpppHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pekppp',
  beforeLoad: requireRole(['operator', 'koordinator', 'evaluator', 'admin']),
  loader: loadNs('pekppp'),
  component: lazyRouteComponent(() => import('../pekppp/pekppp-home-screen.tsx'), 'PekpppHomeScreen'),
});

const pekpppUnitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pekppp/cycles/$cycleId/units/$unitId',
  beforeLoad: requireRole(['operator', 'koordinator', 'evaluator', 'admin', 'pimpinan']),
  loader: loadNs('pekppp'),
  component: lazyRouteComponent(() => import('../pekppp/pekppp-unit-screen.tsx'), 'PekpppUnitScreen'),
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
  component: lazyRouteComponent(() => import('../improve/findings-screen.tsx'), 'FindingsScreen'),
});

// issue 12 §1: the Perwakilan's follow-up of a government's findings (advice per finding, the
// Ombudsman's follow-up products with their document) — the pimpinan of its province, the asisten of its units.
const followupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/cycles/$cycleId/bodies/$bodyId/temuan',
  beforeLoad: requireRole(['pimpinan', 'asisten', 'admin']),
  validateSearch: (search: Record<string, unknown>): { unit?: string } => ({ unit: str(search.unit) }),
  loader: loadNs('improve'),
  component: lazyRouteComponent(() => import('../improve/followup-screen.tsx'), 'FollowupScreen'),
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
const PLAN_ROLES = requireRole(['koordinator', 'pimpinan', 'asisten', 'admin']);

const targetPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sasaran',
  beforeLoad: PLAN_ROLES,
  validateSearch: planSearch,
  loader: loadNs('improve'),
  component: lazyRouteComponent(() => import('../improve/target-plan-screen.tsx'), 'TargetPlanScreen'),
});

const whatIfRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/simulasi',
  beforeLoad: PLAN_ROLES,
  validateSearch: planSearch,
  loader: loadNs('improve'),
  component: lazyRouteComponent(() => import('../improve/what-if-screen.tsx'), 'WhatIfScreen'),
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
  component: lazyRouteComponent(() => import('../improve/action-board-screen.tsx'), 'ActionBoardScreen'),
});

const actionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tindak-lanjut/$actionId',
  beforeLoad: requireRole([...IMPROVE_ROLES, 'asisten']),
  loader: loadNs('improve'),
  component: lazyRouteComponent(() => import('../improve/action-detail-screen.tsx'), 'ActionDetailScreen'),
});

// issue 12 §3 ─ a unit's evidence library (its operator; its government's koordinator, `?unit=`).
const libraryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pustaka',
  beforeLoad: requireRole(['operator', 'koordinator']),
  validateSearch: (search: Record<string, unknown>): { unit?: string } => ({ unit: str(search.unit) }),
  loader: loadNs('improve'),
  component: lazyRouteComponent(() => import('../improve/library-screen.tsx'), 'LibraryScreen'),
});

// issue 11 ─ public surveys: the unit operator's / koordinator's list, set-up and survey page.
const surveysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei',
  beforeLoad: requireRole(['operator', 'koordinator']),
  loader: loadNs('surveys'),
  component: lazyRouteComponent(() => import('../surveys/surveys-screen.tsx'), 'SurveysScreen'),
});

const surveySetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei/baru',
  beforeLoad: requireRole(['operator', 'koordinator']),
  loader: loadNs('surveys'),
  component: lazyRouteComponent(() => import('../surveys/survey-setup-screen.tsx'), 'SurveySetupScreen'),
});

const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei/$surveyId',
  beforeLoad: requireRole(['operator', 'koordinator', 'pimpinan', 'admin']),
  loader: loadNs('surveys'),
  component: lazyRouteComponent(() => import('../surveys/survey-screen.tsx'), 'SurveyScreen'),
});

const paperEntryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survei/$surveyId/kertas',
  beforeLoad: requireRole(['operator', 'koordinator', 'admin']),
  loader: loadNs('surveys'),
  component: lazyRouteComponent(() => import('../surveys/paper-entry-screen.tsx'), 'PaperEntryScreen'),
});

export const signedInRoutes = [
  preAssessmentRoute,
  preAssessmentCompareRoute,
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
  // issue 10
  pekpppHomeRoute,
  pekpppUnitRoute,
  // issue 12
  findingsRoute,
  followupRoute,
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
] as const;

export type SignedInRoutes = typeof signedInRoutes;
