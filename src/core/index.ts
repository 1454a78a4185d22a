/**
 * Pantau engine: pure functions over methodology library files. No I/O, no framework, no
 * clock: callers pass every value in. Used by the server, the browser (offline preview) and
 * the CLI alike.
 */
export type * from './types.ts';
export { CoreError } from './errors.ts';

// Library format
/** Validate one methodology library file (`methodologies/<id>.json`). */
export { parseScheme } from './parse-scheme.ts';
/** Closed vocabularies: roles that may fill an instrument, survey period kinds. */
export { FILLER_ROLES, PERIOD_KINDS } from './vocab.ts';
/** A frozen scheme with the policy fields it lacks taken from the library file of the same id. */
export { inheritPolicy } from './inherit.ts';
export { canonicalJson } from './canonical-json.ts';

// Scoring
export { round2, formatFixed2 } from './round.ts';
export { classify, bandOf } from './classify.ts';
export { scoreUnit, type ScoreOptions } from './score-unit.ts';
export { aggregate, evaluateQualifiers, type AggregateUnit } from './aggregate.ts';
export { rank, rankGovernments, rankUnitsBySector, movement, nationalTypeGroup, provinceGroup, sectorGroup } from './rank.ts';
export { ikm } from './ikm.ts';
/** Krejcie–Morgan sample; an instrument's quota, from the population when the file says so. */
export { sampleSize, quotaFor } from './sample-size.ts';
export { whatIf } from './what-if.ts';
export { improvements } from './improve.ts';

// Who fills what (issue 10 §2) and what accompanies an answer (F-01 / F-02)
/** May a role fill an instrument (direct, or typing a paper form)? */
export { mayFill, fillableInstruments, checkEntry } from './fill.ts';

// PEKPPP (issue 10): claims against verdicts, F-03 beside the IPP, clarification window
export { compareClaims, supplementSummaries, clarificationWindow } from './pekppp.ts';

// Public surveys (issue 11): periods, IKM report, profile, abuse flags
export {
  periodOf,
  periodBounds,
  parsePeriodKey,
  ageBand,
  ikmReport,
  ikmByPeriod,
  surveyResponseFlags,
  type SurveyCheckOptions,
} from './survey.ts';

// Fieldwork anti-fabrication (issue 13 §4)
export { fieldworkFlags, haversineMetres } from './fieldwork.ts';
/** Visit plans (issue 13 §5): a unit's own quota within the scheme's range; progress against a plan. */
export { quotaRange, adjustQuota, visitState, type VisitState, type PlannedUnitFacts } from './visit-plan.ts';

// Cross-scheme related indicators (issue 12 §3)
export { parseTopics, checkTopicUse, relatedIndicators, indicatorsWithTopics } from './topics.ts';

// Target planner (issue 12 §6)
export { planTarget, indicatorLevels, type PlanOptions } from './plan.ts';

// Awards of a publication: governments (issue 5 §4) and service units (issue 18 §1)
export { governmentAwards, unitAwards, topBandCode } from './awards.ts';
export { parseDocumentTypes, documentValidity, cycleJudgingDate, suggestIndicators } from './library-docs.ts';
