/**
 * The screens behind a login (every route with a role guard in router.tsx), one lazy chunk each.
 * This table is itself a lazy chunk: their chunk names stay out of the entry chunk, so a public
 * first visit does not download them (issue 4 §8, `npx tsx bench/web-size.ts`). The root route
 * fetches it as soon as a session is known, so a signed-in screen waits for no extra round trip.
 */
import type { ComponentType } from 'react';

export const signedInScreens = {
  AdminHomeScreen: () => import('../admin/admin-home-screen.tsx').then((m) => m.AdminHomeScreen),
  RegistryScreen: () => import('../admin/registry-screen.tsx').then((m) => m.RegistryScreen),
  BodyScreen: () => import('../admin/body-screen.tsx').then((m) => m.BodyScreen),
  UsersScreen: () => import('../admin/users-screen.tsx').then((m) => m.UsersScreen),
  CyclesScreen: () => import('../admin/cycles-screen.tsx').then((m) => m.CyclesScreen),
  CycleScreen: () => import('../admin/cycle-screen.tsx').then((m) => m.CycleScreen),
  AdminPublicationScreen: () => import('../publish/publication-manager-screen.tsx').then((m) => m.AdminPublicationScreen),
  ResultsImportScreen: () => import('../transfer/results-import-screen.tsx').then((m) => m.ResultsImportScreen),
  AnswersImportScreen: () => import('../transfer/answers-import-screen.tsx').then((m) => m.AnswersImportScreen),
  AuditScreen: () => import('../admin/audit-screen.tsx').then((m) => m.AuditScreen),
  ReviewHomeScreen: () => import('../review/review-home-screen.tsx').then((m) => m.ReviewHomeScreen),
  AssessHomeScreen: () => import('../assess/assess-home-screen.tsx').then((m) => m.AssessHomeScreen),
  SheetScreen: () => import('../assess/sheet-screen.tsx').then((m) => m.SheetScreen),
  AssignmentsScreen: () => import('../assess/assignments-screen.tsx').then((m) => m.AssignmentsScreen),
  UnitWorkspaceScreen: () => import('../assess/unit-workspace-screen.tsx').then((m) => m.UnitWorkspaceScreen),
  CycleSheetScreen: () => import('../assess/cycle-sheet-screen.tsx').then((m) => m.CycleSheetScreen),
  ReviewQueueScreen: () => import('../review/review-queue-screen.tsx').then((m) => m.ReviewQueueScreen),
  CycleDashboardScreen: () => import('../review/cycle-dashboard-screen.tsx').then((m) => m.CycleDashboardScreen),
  VisitPlanScreen: () => import('../review/visit-plan-screen.tsx').then((m) => m.VisitPlanScreen), // issue 13 §5
  LeadQueueScreen: () => import('../review/lead-queue-screen.tsx').then((m) => m.LeadQueueScreen), // issue 13 §6
  LeadUnitReviewScreen: () => import('../review/unit-review-screen.tsx').then((m) => m.LeadUnitReviewScreen), // issue 13 §6
  ReviewPublicationScreen: () => import('../publish/publication-manager-screen.tsx').then((m) => m.ReviewPublicationScreen),
  ReviewDisputesScreen: () => import('../clarify/dispute-queue-screen.tsx').then((m) => m.ReviewDisputesScreen),
  AssistantDisputesScreen: () => import('../clarify/dispute-queue-screen.tsx').then((m) => m.AssistantDisputesScreen),
  ClarificationScreen: () => import('../clarify/clarification-screen.tsx').then((m) => m.ClarificationScreen),
  UnitReviewScreen: () => import('../review/unit-review-screen.tsx').then((m) => m.UnitReviewScreen),
  PemdaHomeScreen: () => import('../pemda/pemda-home-screen.tsx').then((m) => m.PemdaHomeScreen),
  UnitHomeScreen: () => import('../pemda/unit-home-screen.tsx').then((m) => m.UnitHomeScreen),
  PemdaCycleScreen: () => import('../pemda/pemda-cycle-screen.tsx').then((m) => m.PemdaCycleScreen),
  PemdaUnitScreen: () => import('../pemda/unit-result-screens.tsx').then((m) => m.PemdaUnitScreen),
  OperatorUnitScreen: () => import('../pemda/unit-result-screens.tsx').then((m) => m.OperatorUnitScreen),
  AccountScreen: () => import('../auth/account-screen.tsx').then((m) => m.AccountScreen),
  PekpppHomeScreen: () => import('../pekppp/pekppp-home-screen.tsx').then((m) => m.PekpppHomeScreen),
  PekpppUnitScreen: () => import('../pekppp/pekppp-unit-screen.tsx').then((m) => m.PekpppUnitScreen),
  FindingsScreen: () => import('../improve/findings-screen.tsx').then((m) => m.FindingsScreen),
  TargetPlanScreen: () => import('../improve/target-plan-screen.tsx').then((m) => m.TargetPlanScreen),
  WhatIfScreen: () => import('../improve/what-if-screen.tsx').then((m) => m.WhatIfScreen),
  ActionBoardScreen: () => import('../improve/action-board-screen.tsx').then((m) => m.ActionBoardScreen),
  ActionDetailScreen: () => import('../improve/action-detail-screen.tsx').then((m) => m.ActionDetailScreen),
  LibraryScreen: () => import('../improve/library-screen.tsx').then((m) => m.LibraryScreen), // issue 12 §3
  PreAssessmentScreen: () => import('../pemda/pre-assessment-screen.tsx').then((m) => m.PreAssessmentScreen),
  PreAssessmentCompareScreen: () => import('../pemda/pre-assessment-compare-screen.tsx').then((m) => m.PreAssessmentCompareScreen),
  SurveysScreen: () => import('../surveys/surveys-screen.tsx').then((m) => m.SurveysScreen),
  SurveySetupScreen: () => import('../surveys/survey-setup-screen.tsx').then((m) => m.SurveySetupScreen),
  SurveyScreen: () => import('../surveys/survey-screen.tsx').then((m) => m.SurveyScreen),
  PaperEntryScreen: () => import('../surveys/paper-entry-screen.tsx').then((m) => m.PaperEntryScreen),
} satisfies Record<string, () => Promise<ComponentType>>;

export type SignedInScreen = keyof typeof signedInScreens;
