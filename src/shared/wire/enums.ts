/**
 * Enumerations of the wire contract, defined once for the server, the web and the CLI. Plain
 * constants without zod, so a page can use them without the validator in its JavaScript; the
 * schemas (`./<resource>.ts`) build their `z.enum(...)` from these. Where the engine has the
 * same type (`src/core/types.ts`), `satisfies` keeps the two in step. Limits: `./limits.ts`.
 */
import type { BodyType, Family, Lang, ZoneCode } from '../../core/types.ts';
import type { ActionSource, ActionStatus, ActionTiming } from '../../core/actions.ts';

export const LANGS = ['id', 'en'] as const satisfies readonly Lang[];

/** Registry: what kind of body (government, ministry, agency) a row is. */
export const BODY_TYPES = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota'] as const satisfies readonly BodyType[];
/** Sectors of service units (methodology.md §6). */
export const SECTORS = [
  'adminduk',
  'perizinan',
  'kesehatan',
  'puskesmas',
  'pendidikan',
  'sosial',
  'pertanahan',
  'kepolisian',
  'lainnya',
  // issue 17: vertical offices of ministries and agencies (src/server/registry/vertical-offices.json)
  'imigrasi',
  'samsat',
  'kua',
  'pajak',
  'pemasyarakatan',
  'jaminan-sosial',
] as const;
/** `active=true` (the default) | `false` | `all` on every registry and account list. */
export const ACTIVE_FILTERS = ['true', 'false', 'all'] as const;
export const OFFICE_KINDS = ['pusat', 'perwakilan'] as const;

/** Accounts: who works where (src/server/auth/policy.ts gives each role its rights). */
export const ROLES = [
  'admin',
  'pimpinan',
  'asisten',
  'koordinator',
  'operator',
  // issue 10: a PEKPPP evaluator of KemenPANRB or a Biro/Bagian Organisasi (scoped to that body, assigned to units)
  'evaluator',
  // issue 12 §4: a pemda's own staff member who fills sheets in its government's internal pre-assessment only
  'penilai',
] as const;

/** A cycle moves one step at a time: planning → fieldwork → review → final. */
export const CYCLE_STATUSES = ['planning', 'fieldwork', 'review', 'final'] as const;
/** Computed from records, or imported from an earlier system's results. */
export const CYCLE_SOURCES = ['computed', 'imported'] as const;
/** Issue 12 §4: an official assessment, or a government's own internal pre-assessment (never public). */
export const CYCLE_KINDS = ['official', 'internal'] as const;
export const FAMILIES = ['ombudsman', 'pekppp', 'skm'] as const satisfies readonly Family[];
/**
 * A unit's review state in a cycle. 'reviewed' (issue 13 §6): passed on by a team lead of its
 * Perwakilan, where the cycle's team-lead level is on; the pimpinan then approves or returns it.
 */
export const UNIT_STATUSES = ['pending', 'submitted', 'reviewed', 'approved', 'returned'] as const;
/** A body is final once every unit of it in the cycle is approved. */
export const BODY_STATUSES = ['open', 'final'] as const;
/** How an instrument's answers count (core `Instrument.role`). */
export const INSTRUMENT_ROLES = ['score', 'claim', 'beside'] as const;
export const RECORD_STATUSES = ['submitted', 'approved', 'returned'] as const;
/** What a submitted record became (`POST /records/batch`). */
export const RECORD_OUTCOMES = ['created', 'unchanged', 'rejected'] as const;

export const ZONES = ['hijau', 'kuning', 'merah'] as const satisfies readonly ZoneCode[];
/** Ranking groups: national per body type, kabupaten/kota of a province, units of a sector. */
export const RANKING_GROUPS = ['national', 'province', 'sector'] as const;
/** Issue 12 §6: the group a target rank is planned in — the province's kabupaten/kota, or the national body-type group. */
export const TARGET_PLAN_SCOPES = ['province', 'national'] as const;
/** The target planner's outcome (core `TargetPlan.status`). */
export const TARGET_PLAN_STATUSES = ['already', 'reachable', 'unreachable'] as const;

export const PUBLICATION_STATUSES = ['current', 'superseded'] as const;
/** The open-data tables of a publication (docs/open-data.md). */
export const OPEN_DATA_TABLES = ['governments', 'units', 'unit_dimensions'] as const;
export const AWARD_KINDS = ['kualitas-tertinggi', 'top-province', 'most-improved'] as const;

export const WINDOW_STATES = ['open', 'closed'] as const;
export const DISPUTE_STATUSES = ['open', 'accepted', 'rejected', 'closed'] as const;
/** Why an answer changed after review: an accepted dispute or an erratum. */
export const CHANGE_SOURCES = ['dispute', 'correction'] as const;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/** What `audit verify` found: a broken link, an edited event, a deleted tail or emptied table (truncated), a chain rewritten past a signed checkpoint, a missing or forged checkpoint. */
export const AUDIT_BREAK_KINDS = ['link', 'content', 'truncated', 'rewritten', 'checkpoint'] as const;

/** What the evidence store accepts, judged by the file's first bytes (never its name). */
export const EVIDENCE_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

// issue 10 ─ PEKPPP
/** The unit's F-01 self-assessment: being drafted, submitted (locked), or reopened by the evaluator. */
export const SELF_ASSESSMENT_STATUSES = ['draft', 'submitted', 'reopened'] as const;
/** A clarification request on chosen indicators: open (the unit may answer), answered, closed by the evaluator. */
export const PEKPPP_CLARIFICATION_STATUSES = ['open', 'answered', 'closed'] as const;
export const PEKPPP_VALIDATION_STATUSES = ['pending', 'validated', 'returned'] as const;
// issue 12: follow-up actions (findings, SKM follow-up plan, manual), their updates
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'verified'] as const satisfies readonly ActionStatus[];
export const ACTION_SOURCES = ['finding', 'skm', 'manual'] as const satisfies readonly ActionSource[];
export const ACTION_TIMINGS = ['on_track', 'due_soon', 'overdue', 'closed'] as const satisfies readonly ActionTiming[];
export const ACTION_UPDATE_KINDS = ['plan', 'progress', 'verification', 'comment'] as const;
/** issue 12: what the Perwakilan adds to a finding, and the Ombudsman's follow-up products (reference.md §5.5). */
export const FINDING_RECOMMENDATION_KINDS = ['saran_perbaikan', 'tindakan_korektif'] as const;
export const FOLLOWUP_PRODUCT_KINDS = ['saran_perbaikan', 'tindakan_korektif', 'rekomendasi'] as const;
/** issue 12: the next cycle's pre-check of a finding. */
export const FINDING_RESOLUTIONS = ['resolved', 'unresolved'] as const;
