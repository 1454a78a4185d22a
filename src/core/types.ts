/**
 * Pantau engine contract: the shape of a methodology library file and of every engine
 * input and output. Pure types; no I/O. Server, browser (offline preview) and CLI share them.
 *
 * Scoring model (methodology.md §1–§4), one formula for every family:
 *   indicator fraction  f_i = value_i / scale.max_i            (value = mean over the sheets that answered it)
 *   indicator weight    w_i = share of the indicator inside its dimension (Σ w_i = 1 per dimension)
 *   dimension score     D_d = Σ w_i · f_i · result.max          (0..100 for Ombudsman/SKM, 0..5 for PEKPPP)
 *   unit total          T   = Σ W_d · D_d                        (Σ W_d = 1)
 *   points of indicator      = W_d · w_i · f_i · result.max ;  points lost = W_d · w_i · (1 − f_i) · result.max
 * SKM: value/4 · 100 = 25 · NRR, so IKM = Σ (1/9) · 25 · NRR_u falls out of the same formula.
 * PEKPPP: aspect = Σ w_i · score_i on 0..5 and IPP = Σ W_a · aspect, also the same formula.
 * Rounding (half away from zero, 2 dp, decimal-exact) happens once, on the number that is classified.
 */

export type Family = 'ombudsman' | 'pekppp' | 'skm';
export type Lang = 'id' | 'en';

/** Indonesian first, English beside it. Both are required in a library file. */
export interface Text {
  id: string;
  en: string;
}

export type BodyType = 'kementerian' | 'lembaga' | 'provinsi' | 'kabupaten' | 'kota';

/** Evidence kinds an indicator may expect (reference.md §5.3). */
export type EvidenceKind =
  | 'foto'
  | 'tangkapan-layar'
  | 'sk'
  | 'berita-acara'
  | 'daftar-hadir'
  | 'notulen'
  | 'laporan'
  | 'jadwal'
  | 'wawancara'
  | 'kuesioner'
  | 'dokumen';

// ---------------------------------------------------------------------------------------------
// Library file (methodologies/<id>.json)
// ---------------------------------------------------------------------------------------------

export interface Level {
  value: number;
  descriptor: Text;
  /** Letter printed on a paper form for this answer (SKM: "a" = 1 … "d" = 4). */
  key?: string;
}

export interface AnswerScale {
  /** Lowest allowed answer (0 for Ombudsman/PEKPPP, 1 for SKM). */
  min: number;
  /** Highest allowed answer; the indicator fraction is value / max. */
  max: number;
  /** Whole-number steps only (answers from one sheet); means over sheets may be fractional. */
  levels: Level[];
}

export interface Indicator {
  /** Unique within the scheme and stable across the schemes of one family (answers are keyed by it). */
  code: string;
  text: Text;
  /** Optional longer question/guidance shown to assessors. */
  guidance?: Text;
  scale: AnswerScale;
  /** Percent of its dimension (explicit weighting only). Σ over the dimension = 100 ± 0.001. */
  weight?: number;
  evidence: EvidenceKind[];
  /** Legal provenance, e.g. "UU 25/2009 Pasal 21". */
  basis?: string;
  /** Extra labels, e.g. the PEKPPP evaluation principle ("Ak", "P", "T", "K", "B", "As"). */
  tags?: string[];
  /**
   * Cross-scheme topics (codes of `methodologies/topics.json`, e.g. "standar-pelayanan",
   * "maklumat", "skm", "pengaduan"): a document attached to this indicator is suggested for
   * every indicator of any scheme that shares a topic (`relatedIndicators`).
   */
  topics?: string[];
  /** Self-assessment (PEKPPP F-01 LKE) rules for claiming a level of this indicator. */
  selfAssessment?: SelfAssessmentRule;
  /** Supplement items only: the scored dimension (PEKPPP aspect) the item is reported under. */
  reportedUnder?: string;
  /** The code the source form prints (PEKPPP F-03 "kode isu", e.g. "1.a.K1"). */
  formCode?: string;
  /** True when no source confirms the item; an assumption must cover its path. Default false. */
  unverified?: boolean;
  /**
   * Issue 11 §7: the unit's IKM (an SKM survey's result, frozen when attached) may be attached
   * as evidence of this indicator; `bodyTypes` limits it to units of those body types.
   */
  ikmEvidence?: IkmEvidenceRule;
}

/** Where an IKM snapshot counts as evidence of an indicator (issue 11 §7). */
export interface IkmEvidenceRule {
  /** Only units of bodies of these types (absent: every unit). */
  bodyTypes?: BodyType[];
}

/** What a unit must give when it claims a level of an indicator (F-01). */
export interface SelfAssessmentRule {
  /** A claim above the scale minimum needs at least one evidence item (file or link). */
  evidenceRequired: boolean;
  /** Suggested supporting documents ("Bukti Dukung"), as the F-01 worksheet lists them. */
  documents: Text[];
}

export interface Variable {
  code: string;
  title: Text;
  indicators: Indicator[];
}

export interface Dimension {
  code: string;
  title: Text;
  /** Percent of the unit total. Σ over dimensions = 100 ± 0.001. */
  weight: number;
  /** 'equal': every indicator of the dimension weighs the same; 'explicit': Indicator.weight. */
  indicatorWeighting: 'equal' | 'explicit';
  variables: Variable[];
}

/** Items stored and reported beside the score, never inside it (PEKPPP F-03). */
export interface Supplement {
  code: string;
  title: Text;
  indicators: Indicator[];
}

export type InstrumentKind = 'interview' | 'observation' | 'document' | 'self-assessment' | 'verification' | 'questionnaire';

/**
 * Who may fill an instrument. The account roles of the server plus `evaluator` (PEKPPP
 * evaluator of KemenPANRB or a Biro/Bagian Organisasi) and `public` (an anonymous respondent).
 */
export type FillerRole = 'admin' | 'pimpinan' | 'asisten' | 'koordinator' | 'operator' | 'evaluator' | 'public';

/** A paper form typed in by someone other than the respondent (F-03 on paper, SKM on paper). */
export interface PaperEntry {
  /** Roles that may type paper forms in. */
  by: FillerRole[];
  /** The scan of the paper form must be attached to the typed sheet. */
  scanRequired: boolean;
}

/** What accompanies each answer of an instrument besides the level. */
export interface EntryRules {
  /** A written note per answer: F-01 "penjelasan" (statement), F-02 "alasan" (reason). */
  note?: { required: boolean; label: Text };
  /** Where the answer's evidence came from (F-02: document review, field visit, interview). */
  dataSources?: { required: boolean; multiple: boolean; options: { code: string; label: Text }[] };
}

/** One field of a respondent profile (SKM: age band, sex, education, occupation, service). */
export interface ProfileField {
  code: string;
  label: Text;
  /**
   * 'choice'   — one of `options`;
   * 'age-band' — one of `options`, each with whole-year bounds `min` … `max` (last band open);
   *              a typed age maps to its band (`ageBand`);
   * 'service'  — one of the services the survey covers (set per survey, not here);
   * 'text'     — free text.
   */
  kind: 'choice' | 'age-band' | 'service' | 'text';
  required: boolean;
  options?: { code: string; label: Text; min?: number; max?: number }[];
}

/** Abuse resistance of a public questionnaire (issue 11 §3); flagged responses stay out of the result. */
export interface PublicResponseRules {
  /** Accepted responses per device (signed token) per survey period. */
  perDevicePerPeriod: number;
  /** More than `maxIdentical` identical responses (answers and profile) within `windowMinutes` → the extra ones are flagged. */
  burst: { windowMinutes: number; maxIdentical: number };
  /** A response submitted faster than this after the form opened is flagged. */
  minSecondsToAnswer: number;
}

/** Per-instrument fieldwork thresholds (issue 13 §4). */
export interface FieldworkInstrumentRules {
  /** A sheet finished sooner than this after it started is flagged. */
  minDurationSeconds?: number;
  /** One respondent key (hashed) may appear in only one sheet of this instrument per cycle. */
  uniqueRespondent?: boolean;
  /** A sheet answering at least this many items, all with the same value, is flagged. */
  straightLineMinItems?: number;
  /** At least this many sheets of one unit with the same answers (≥ 2 items) are flagged. */
  identicalMinSheets?: number;
}
export interface Instrument {
  code: string;
  kind: InstrumentKind;
  title: Text;
  /** Who answers, e.g. "Pengguna layanan" / "Service user". */
  respondent: Text;
  /**
   * How many sheets a unit needs (30 users, 4 officials, 2 complaint officers, ≥ 2 products).
   * `min` (default = target) is the least for a complete unit.
   */
  quota: {
    target: number;
    min?: number;
    /**
     * With the expected population N of the period known, the scheme's `sampling` (Krejcie–
     * Morgan) replaces the target ('target') or the target and the minimum ('target-and-min').
     */
    fromPopulation?: 'target' | 'target-and-min';
    /**
     * Issue 13 §5: the range within which a Perwakilan may set this instrument's target for one
     * unit of a cycle (with a reason, audited). Absent: the quota cannot be adjusted per unit.
     */
    adjust?: { min: number; max: number };
  };
  /**
   * 'score'  — answers feed the score;
   * 'claim'  — self-assessment (PEKPPP F-01): compared with the scored value, never scored;
   * 'beside' — supplement items (F-03): reported beside the score.
   */
  role: 'score' | 'claim' | 'beside';
  /** One sheet per service product (Ombudsman observation of products). */
  perProduct?: boolean;
  /** Indicator codes this instrument answers. */
  covers: string[];
  /** Instruction printed on the form for the respondent or the person filling it. */
  instructions?: Text;
  /** Roles that may fill this instrument (`mayFill`). Absent: nobody (see `inheritPolicy`). */
  fillers?: FillerRole[];
  /** Paper forms typed in by these roles, with or without the scan. */
  paperEntry?: PaperEntry;
  /** Note and data-source rules per answer (`checkEntry`). */
  entry?: EntryRules;
  /** Respondent profile asked with every sheet (SKM). */
  profile?: ProfileField[];
  /** Public (anonymous) questionnaire rules (`surveyResponseFlags`). */
  publicResponse?: PublicResponseRules;
  /** Fieldwork anti-fabrication thresholds (`fieldworkFlags`). */
  fieldwork?: FieldworkInstrumentRules;
}

export type ZoneCode = 'hijau' | 'kuning' | 'merah';

export interface Band {
  code: string;
  /** Lower bound, inclusive (closed below), 2 dp. */
  min: number;
  /** Upper bound, inclusive, 2 dp; the next band up starts at max + 0.01. */
  max: number;
  label: Text;
  zone?: ZoneCode;
  /** Hex colour of the chip / map fill. */
  color: string;
  /** Optional grouping, e.g. PEKPPP D–F "Prioritas Pembinaan". */
  group?: Text;
}

/** A flag beside the opinion, never folded into the score (2025 "Tanpa Maladministrasi"). */
export interface Qualifier {
  code: string;
  label: Text;
  /**
   * 'all-followed-up': applies when every Ombudsman product due for the body is followed up.
   * `whenNoneDue`: whether it applies when nothing is due.
   */
  rule: { kind: 'all-followed-up'; whenNoneDue: boolean };
  /** Product kinds it looks at (tindakan-korektif, saran-perbaikan, saran-penyempurnaan, rekomendasi). */
  products: string[];
}

export interface Assumption {
  /** Where in the file it applies, e.g. "dimensions/output/variables/persepsi/indicators/O4". */
  path: string;
  note: Text;
}

export interface Aggregation {
  /**
   * 'sheets'   — indicator value = mean over every sheet that answered it (respondents, products);
   * 'products' — score each product sheet on its own, unit score = mean of product scores (2021).
   */
  unit: 'sheets' | 'products';
  /** 'units-mean': mean of unit scores; 'products-mean': product-weighted mean (2021). */
  government: 'units-mean' | 'products-mean';
  /**
   * How a vertical office (Polres, Kantor Pertanahan … of a ministry/agency, located in a
   * province) counts toward its ministry or agency: 'with-parent' — as one more unit of it;
   * 'separate' — ranked and reported on its own, left out of the parent's result.
   * Absent: 'with-parent' (every unit of the body counts).
   */
  verticalOffices?: 'with-parent' | 'separate';
}

export interface Sampling {
  method: 'krejcie-morgan';
  chiSquare: number;
  p: number;
  d: number;
}

export interface Scheme {
  id: string;
  family: Family;
  year: number;
  /** Library file version (semver); the content hash is computed by the caller. */
  version: string;
  title: Text;
  legalBasis: { ref: string; title: Text }[];
  /** Range of the unit/government result: 0–100 (Ombudsman), 0–5 (PEKPPP), 25–100 (SKM). */
  result: { min: number; max: number; unit: Text };
  instruments: Instrument[];
  dimensions: Dimension[];
  supplements: Supplement[];
  aggregation: Aggregation;
  /** Highest band first. Together they cover result.min … result.max without gap or overlap. */
  bands: Band[];
  qualifiers: Qualifier[];
  sampling?: Sampling;
  /** Award rules of a publication (issue 5 §4); absent = only the top-band award. */
  awards?: AwardRules;
  /** PEKPPP verification (F-02) rules. */
  verification?: VerificationRules;
  /** How this scheme's results are named on screens and documents (absent: the generic words). */
  terms?: SchemeTerms;
  /** Survey periods of a periodic public survey (SKM). */
  survey?: SurveyRules;
  /** Cross-instrument fieldwork thresholds (issue 13 §4). */
  fieldwork?: FieldworkRules;
  /** Topics the scheme's published result is evidence for (skm-2017: the IKM report → "skm"). */
  topics?: string[];
  assumptions: Assumption[];
}

/**
 * The words a scheme's results are published in (issue 10: PEKPPP in its own words — "IPP",
 * "Predikat", "Aspek", issued by KemenPANRB — where Ombudsman says "Nilai", "Kategori",
 * "Dimensi"). Screens and documents take them from here, not from the family's name.
 */
export interface SchemeTerms {
  /** The institution that evaluates and issues the results (rapor header, piagam). */
  issuer: Text;
  issuerShort: Text;
  /** The programme, short: "PEKPPP". */
  programme: Text;
  /** The result's name, short: "IPP". */
  score: Text;
  /** The result's name, long: "Indeks Pelayanan Publik". */
  scoreLong: Text;
  /** A band's name: "Predikat". */
  band: Text;
  /** A dimension's name, singular and plural: "Aspek" / "Aspek". */
  dimension: Text;
  dimensions: Text;
}

/** Who gets an award besides every body in the highest band. */
export interface AwardRules {
  /** Provincial rank up to which a kabupaten/kota is in its province's top list (ties included). */
  topPerProvince: number;
  /** How many competition ranks of the largest score increase are "most improved", per publication scope. */
  mostImproved: number;
  /** Awards for service units (issue 18 §1); absent = none. */
  units?: UnitAwardRules;
}

/** Unit awards of a publication. */
export interface UnitAwardRules {
  /** Every complete unit in the scheme's highest band. */
  topBand: boolean;
  /** Rank within its sector in its province up to which a unit is awarded (ties included); 0 = none. */
  topPerSector: number;
  /** Competition ranks of the largest score increase that are "most improved" units; 0 = none. */
  mostImproved: number;
}

export interface VerificationRules {
  /** Calendar days a unit has to answer a clarification request (the window closes at the end of the last day). */
  clarificationDays: number;
  /**
   * A cycle a Biro/Bagian Organisasi runs for its own government's units ("mandiri"): its results
   * are marked so and validated later by the organisation with this registry code (KemenPANRB).
   */
  mandiri?: { validatedBy: string };
}

export type PeriodKind = 'month' | 'quarter' | 'semester' | 'year';

export interface SurveyRules {
  /** Periods a survey may cover. */
  periods: PeriodKind[];
}

export interface FieldworkRules {
  /** More than `maxSheets` sheets started by one assessor within `windowMinutes` are flagged. */
  assessorLoad: { maxSheets: number; windowMinutes: number };
  /** A sheet captured farther than this from its unit (after subtracting the GPS accuracy) is flagged. */
  maxDistanceMetres: number;
  /** Days before the cycle's fieldwork start / after its end still accepted without a flag. */
  cycleGraceDays: number;
  /** issue 13 §2: evidence photos are resized on the device to at most this longest edge (pixels); absent = kept as taken. */
  photoMaxEdgePx?: number;
}

export interface SchemeIssue {
  /** JSON path inside the file, e.g. "dimensions[1].variables[0].indicators[3].scale.levels[2]". */
  path: string;
  message: string;
}

export type Result<T, I = SchemeIssue> = { ok: true; value: T } | { ok: false; issues: I[] };

// ---------------------------------------------------------------------------------------------
// Engine inputs
// ---------------------------------------------------------------------------------------------

/** One filled instrument sheet: one respondent's interview, one product's observation, … */
export interface Sheet {
  /** Client-generated id (UUID) when it comes from the field app; optional here. */
  id?: string;
  instrument: string;
  /** Respondent label or product name; used for per-product scoring and messages. */
  respondent?: string;
  /** Indicator code → answer on the indicator's scale; null/absent = not answered (missing, not zero). */
  answers: Record<string, number | null | undefined>;
}

export interface UnitAnswers {
  sheets: Sheet[];
}

// ---------------------------------------------------------------------------------------------
// Engine outputs
// ---------------------------------------------------------------------------------------------

export interface BandRef {
  code: string;
  label: Text;
  zone?: ZoneCode;
  color: string;
  group?: Text;
}

export interface IndicatorScore {
  code: string;
  /** `${schemeId}/${dimension}/${variable}/${indicator}` */
  ref: string;
  text: Text;
  /** Mean answer over the sheets that answered it; null when missing. */
  value: number | null;
  /** Number of sheets that answered it. */
  n: number;
  /** value / scale.max · 100; null when missing. */
  percentage: number | null;
  /** Effective weight in the unit total, percent (W_d · w_i · 100). */
  weight: number;
  /** Points contributed to the unit total (missing → 0). */
  points: number;
  /** Points lost against the maximum (missing → the whole weight). */
  pointsLost: number;
  missing: boolean;
  /** PEKPPP: the unit's self-assessed (F-01) mean, when present. */
  claimed?: number | null;
}

export interface VariableScore {
  code: string;
  title: Text;
  points: number;
  pointsLost: number;
  indicators: IndicatorScore[];
}

export interface DimensionScore {
  code: string;
  title: Text;
  /** Percent of the unit total. */
  weight: number;
  /** Score of the dimension on the result scale (0..100 or 0..5), before weighting. */
  score: number;
  points: number;
  pointsLost: number;
  variables: VariableScore[];
}

export interface InstrumentProgress {
  code: string;
  done: number;
  target: number;
  min: number;
  complete: boolean;
}

export interface UnitScore {
  schemeId: string;
  /** Full-precision total on the result scale. */
  raw: number;
  /** round2(raw) — the number that is classified and published. */
  score: number;
  band: BandRef;
  complete: boolean;
  /** Indicator codes without any answer. */
  missing: string[];
  /** Instruments below their minimum quota. */
  incompleteInstruments: string[];
  dimensions: DimensionScore[];
  progress: InstrumentProgress[];
  /** 'products' aggregation: one score per product sheet. */
  products?: { respondent: string; raw: number; score: number; complete: boolean }[];
  /** Weight of this unit in a products-mean government aggregate (number of products), else 1. */
  weight: number;
  supplements: { code: string; title: Text; indicators: IndicatorScore[] }[];
}

export interface QualifierInput {
  /** Ombudsman products due for the body and whether each was followed up. */
  products: { kind: string; followedUp: boolean }[];
}

export interface QualifierResult {
  code: string;
  label: Text;
  applies: boolean;
}

export interface GovernmentScore {
  schemeId: string;
  raw: number;
  score: number;
  band: BandRef;
  units: number;
  qualifiers: QualifierResult[];
  /** Every unit complete. */
  complete: boolean;
}

/** One row to rank: a government (or a unit, with `sector`). */
export interface RankInput {
  id: string;
  name: string;
  type: BodyType;
  /** Province code or name; for a provinsi its own province. */
  province?: string;
  sector?: string;
  /** Published (rounded) score. */
  score: number;
}

export interface RankGroupSpec {
  /** Stable group key, e.g. "national:kota", "province:36", "sector:36:adminduk". */
  key: (row: RankInput) => string | null;
}

export interface Ranked<T extends RankInput = RankInput> {
  row: T;
  group: string;
  rank: number;
  /** Size of the group. */
  of: number;
}

export interface Improvement {
  indicator: string;
  ref: string;
  text: Text;
  dimension: string;
  /** Current mean answer (null when missing). */
  from: number | null;
  /** Target level. */
  to: number;
  descriptor: Text;
  /** Points the unit total gains. */
  unitGain: number;
  /** Points the government score gains (unit gain / units, or product-weighted). */
  governmentGain: number;
}

export interface WhatIf {
  from: UnitScore;
  to: UnitScore;
  /** to.score − from.score */
  delta: number;
  /** Indicators of the target scheme the answers do not cover. */
  unmapped: string[];
}

export interface IkmResult {
  respondents: number;
  /** NRR per unsur, in the scheme's order. */
  nrr: number[];
  raw: number;
  ikm: number;
  band: BandRef;
}

// ---------------------------------------------------------------------------------------------
// Cross-scheme topics (methodologies/topics.json)
// ---------------------------------------------------------------------------------------------

export interface Topic {
  code: string;
  title: Text;
  note?: Text;
}

/** The vocabulary of topics indicators may carry (`Indicator.topics`, `Scheme.topics`). */
export interface TopicLibrary {
  version: string;
  title: Text;
  topics: Topic[];
  assumptions: Assumption[];
}

/** An indicator related to another one (same topic, or the same code in another year of the family). */
export interface RelatedIndicator {
  schemeId: string;
  family: Family;
  /** Indicator code (scored or supplement). */
  indicator: string;
  /** `${schemeId}/${dimension}/${variable}/${code}` or `${schemeId}/${supplement}/${code}`. */
  ref: string;
  text: Text;
  /** Topics it shares with the starting point, in the starting point's order. */
  topics: string[];
  /** Same family and same code (e.g. P1 of ombudsman-2023 and of ombudsman-2024). */
  sameCode: boolean;
  /** A supplement item (reported beside the score). */
  supplement: boolean;
}

// ---------------------------------------------------------------------------------------------
// Who fills, and what accompanies an answer
// ---------------------------------------------------------------------------------------------

/** Result of `mayFill`. */
export type FillPermission =
  | { allowed: false }
  /** The role fills the instrument itself. */
  | { allowed: true; mode: 'direct' }
  /** The role types in a paper form; the sheet must be marked as paper, with the scan when `scanRequired`. */
  | { allowed: true; mode: 'paper'; scanRequired: boolean };

/** One answer as entered, for `checkEntry`. */
export interface EntryInput {
  indicator: string;
  /** The level chosen; null = not answered yet (a draft). */
  level: number | null;
  /** Statement / reason text. */
  note?: string | null;
  /** Number of evidence items (files and links) attached to this answer. */
  evidence?: number;
  /** Data-source option codes chosen (F-02). */
  dataSources?: string[];
}

export type EntryProblemCode =
  | 'entry.indicator_not_covered'
  | 'entry.level_missing'
  | 'entry.level_out_of_scale'
  | 'entry.note_required'
  | 'entry.evidence_required'
  | 'entry.data_source_required'
  | 'entry.data_source_unknown'
  | 'entry.data_source_single';

/** Why an answer cannot be submitted yet; `details` names the values in the message. */
export interface EntryProblem {
  code: EntryProblemCode;
  indicator: string;
  message: Text;
  details: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// PEKPPP: claim (F-01) against verdict (F-02), F-03 beside the IPP, clarification window
// ---------------------------------------------------------------------------------------------

export type ClaimStatus = 'over' | 'under' | 'equal' | 'unclaimed' | 'unverified';

export interface ClaimIndicator {
  code: string;
  ref: string;
  text: Text;
  dimension: string;
  /** The unit's claimed level (F-01 mean); null = not claimed. */
  claimed: number | null;
  /** The evaluator's level (F-02 mean); null = not scored yet. */
  verified: number | null;
  /** claimed − verified; null when either is missing. Positive = over-claim. */
  difference: number | null;
  status: ClaimStatus;
  /** Points of the result (0..result.max) the claim and the verdict are worth. */
  claimedPoints: number;
  verifiedPoints: number;
}

export interface ClaimDimension {
  code: string;
  title: Text;
  /** Aspect score (0..result.max) had every claim been accepted; unclaimed indicators count 0. */
  claimedScore: number;
  verifiedScore: number;
  /** claimedScore − verifiedScore (full precision). */
  difference: number;
  indicators: ClaimIndicator[];
}

export interface ClaimComparison {
  schemeId: string;
  /** Result had every claim been accepted (unclaimed = 0), full precision and rounded, with its band. */
  claimedRaw: number;
  claimedScore: number;
  claimedBand: BandRef;
  verifiedRaw: number;
  verifiedScore: number;
  verifiedBand: BandRef;
  /** round2(claimedRaw − verifiedRaw). */
  difference: number;
  counts: Record<ClaimStatus, number>;
  dimensions: ClaimDimension[];
}

export interface SupplementItemSummary {
  code: string;
  ref: string;
  text: Text;
  /** The form's wording, when the library has it. */
  guidance?: Text;
  formCode?: string;
  unverified: boolean;
  mean: number | null;
  /** Sheets that answered the item. */
  n: number;
}

export interface SupplementSummary {
  code: string;
  title: Text;
  /** Sheets of the 'beside' instrument covering the group, against its quota. */
  respondents: number;
  target: number;
  min: number;
  quotaMet: boolean;
  items: SupplementItemSummary[];
  /** Mean of the item means per scored dimension the items are reported under (items without answers left out). */
  dimensions: { code: string; title: Text; mean: number | null; items: number }[];
  /** Mean of the item means (items without answers left out). */
  mean: number | null;
}

export interface ClarificationWindow {
  /** Epoch ms of the request. */
  requestedAt: number;
  /** Last local calendar day the unit may answer, "YYYY-MM-DD". */
  lastDay: string;
  /** Epoch ms at which the window closes (local midnight after `lastDay`; exclusive). */
  closesAt: number;
  days: number;
}

// ---------------------------------------------------------------------------------------------
// Surveys (SKM, F-03): periods, sample, IKM report, abuse flags
// ---------------------------------------------------------------------------------------------

/** An instant: epoch milliseconds, or an ISO 8601 date-time with its offset ("2025-03-01T08:00:00+07:00"). */
export type Instant = number | string;

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1-based: month 1–12, quarter 1–4, semester 1–2, year 1. */
  index: number;
  /** "2025-03", "2025-Q1", "2025-S1", "2025". */
  key: string;
  /** Epoch ms of the first instant (local midnight of the first day). */
  start: number;
  /** Epoch ms of the first instant after the period (exclusive). */
  end: number;
  /** First and last local calendar day, "YYYY-MM-DD". */
  firstDay: string;
  lastDay: string;
}

export interface Quota {
  target: number;
  min: number;
  /** True when the target (and maybe the minimum) came from the population through `sampling`. */
  fromPopulation: boolean;
}

export interface IkmUnsur {
  code: string;
  text: Text;
  /** Nilai rata-rata (NRR): mean answer over the respondents, 1–4. */
  nrr: number;
  /** NRR × the unsur's weight in the index (1/9 under skm-2017). */
  weighted: number;
  /** The unsur on the index scale (25 × NRR under skm-2017), full precision, with its mutu. */
  converted: number;
  band: BandRef;
  /** Respondents who answered it. */
  n: number;
}

export interface IkmReport {
  schemeId: string;
  respondents: number;
  /** Unsur in the scheme's order. */
  unsur: IkmUnsur[];
  raw: number;
  ikm: number;
  band: BandRef;
  /** Codes of the unsur with the lowest NRR (several when tied), in scheme order. */
  weakest: string[];
  /** Every unsur code from lowest to highest NRR (ties in scheme order). */
  ascending: string[];
  /** With a population: the Krejcie–Morgan sample and whether the respondents reach it. */
  sample?: { population: number; target: number; met: boolean; shortfall: number };
  /** False when any respondent left an unsur unanswered (the IKM is then provisional). */
  complete: boolean;
}

export interface SurveyResponseInput {
  id: string;
  submittedAt: Instant;
  /** When the form was opened on the device (for the too-fast check). */
  openedAt?: Instant;
  /** Hash of the device token; absent or `kiosk` = no per-device limit. */
  deviceKey?: string;
  /** A registered kiosk: exempt from the per-device limit, still checked for bursts and speed. */
  kiosk?: boolean;
  answers: Record<string, number | null | undefined>;
  /** Profile answers (option codes, service id); part of the identity of a response for bursts. */
  profile?: Record<string, string | number | null | undefined>;
  /** The hidden honeypot field; anything in it marks a bot. */
  honeypot?: string | null;
}

export type SurveyFlagCode = 'outside-dates' | 'device-repeat' | 'burst-identical' | 'too-fast' | 'honeypot';

export interface SurveyFlag {
  code: SurveyFlagCode;
  reason: Text;
  details: Record<string, string | number>;
}

export interface SurveyResponseVerdict {
  id: string;
  /** No flag: counts toward the result. Flagged responses are kept but left out. */
  accepted: boolean;
  flags: SurveyFlag[];
}

// ---------------------------------------------------------------------------------------------
// Fieldwork anti-fabrication (issue 13 §4)
// ---------------------------------------------------------------------------------------------

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface FieldworkSheetInput {
  id: string;
  unit: string;
  instrument: string;
  /** Account id of the assessor who filled it. */
  assessor: string;
  /** Device times the sheet was started and finished. */
  startedAt?: Instant | null;
  finishedAt?: Instant | null;
  /** Where it was captured, with the GPS accuracy in metres when known. */
  position?: (GeoPoint & { accuracy?: number | null }) | null;
  /** Hash of the respondent's phone number or key (never the clear value). */
  respondentKey?: string | null;
  answers?: Record<string, number | null | undefined>;
}

export interface FieldworkInput {
  sheets: readonly FieldworkSheetInput[];
  /** Units with their coordinates when known. */
  units: readonly { id: string; lat?: number | null; lon?: number | null }[];
  /** The cycle's fieldwork dates, local calendar days "YYYY-MM-DD" (inclusive). */
  cycle?: { start: string; end: string };
  /** UTC offset of the cycle's dates (WIB = 420). Default 420. */
  offsetMinutes?: number;
}

export type FieldworkFlagCode =
  | 'too-short'
  | 'time-inconsistent'
  | 'timing-missing'
  | 'assessor-load'
  | 'overlapping-interviews'
  | 'far-from-unit'
  | 'position-missing'
  | 'unit-location-missing'
  | 'respondent-reused'
  | 'straight-line'
  | 'identical-answers'
  | 'outside-cycle';

export interface FieldworkFlag {
  sheet: string;
  unit: string;
  code: FieldworkFlagCode;
  /** 'warning': needs acknowledgement before the unit is approved; 'info': shown, nothing to do. */
  severity: 'warning' | 'info';
  reason: Text;
  details: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Awards (issue 5 §4, issue 18 §1)
// ---------------------------------------------------------------------------------------------

/** A government or a service unit of a publication, as the award rules need it. */
export interface AwardCandidate {
  id: string;
  name: string;
  /** Published (rounded) score. */
  score: number;
  /** Default true. Incomplete results get no award (they still rank, as published). */
  complete?: boolean;
  /** Published score of the previous cycle (same group, same family), if any. */
  previousScore?: number | null;
  /** Province code: provincial ranking of kabupaten/kota, sector ranking of units. */
  province?: string | null;
  /** Governments: body type (kabupaten and kota rank together in their province). */
  type?: BodyType;
  /** Units: sector (adminduk, perizinan, kesehatan …). */
  sector?: string | null;
}

export type AwardKind = 'top-band' | 'top-province' | 'top-sector' | 'most-improved';

export interface AwardEntry {
  kind: AwardKind;
  id: string;
  name: string;
  score: number;
  band: BandRef;
  /** top-province / top-sector: rank in the group; most-improved: rank by increase; top-band: null. */
  rank: number | null;
  /** top-province: "province:<code>"; top-sector: "sector:<province>:<sector>"; else null. */
  group: string | null;
  /** most-improved: round2(score − previousScore). */
  delta: number | null;
}

export interface AwardLists {
  /** Code of the scheme's highest band. */
  topBand: string;
  entries: AwardEntry[];
}

// ---------------------------------------------------------------------------------------------
// Target planner (issue 12 §6)
// ---------------------------------------------------------------------------------------------

/** One unit of the planning government: its current indicator values (means; null = missing). */
export interface PlanUnit {
  id: string;
  name?: string;
  levels: Record<string, number | null | undefined>;
  /** Weight under 'products-mean' (number of products); default 1. */
  weight?: number;
}

/** A competitor in the ranking group, with its published (rounded) score. Never the planning government itself. */
export interface PlanPeer {
  id: string;
  name: string;
  score: number;
}

export interface PlanFix {
  unit: string;
  indicator: string;
  ref: string;
  text: Text;
  dimension: string;
  from: number | null;
  to: number;
  descriptor: Text;
  /** Whole level steps: to − floor(from) (a missing value counts from the scale minimum). */
  steps: number;
  /** Points the unit total gains. */
  unitGain: number;
  /** Points the government score gains. */
  governmentGain: number;
}

export interface TargetPlan {
  /** 'already': the target rank is held now; 'reachable': `fixes` reach it; 'unreachable': not even every indicator at its top level does. */
  status: 'already' | 'reachable' | 'unreachable';
  /** Always true: peers are assumed to keep their published scores (say so on screen). */
  peersAssumedUnchanged: true;
  /** "fewest-steps-then-largest-gain": the fixes use the fewest level steps; among those, the largest gain. */
  cheapest: 'fewest-steps-then-largest-gain';
  current: { raw: number; score: number; rank: number; of: number };
  target: {
    rank: number;
    /** Lowest published score that holds the rank (competition ranking: a tie shares it). */
    score: number;
    /** Points to add to the current published score: max(0, round2(score − current.score)). */
    needed: number;
    /** Peers already at exactly that score (a tie with them shares the rank). */
    tiedWith: string[];
  };
  fixes: PlanFix[];
  steps: number;
  /** The government after the fixes (reachable), or unchanged (already / unreachable). */
  result: { raw: number; score: number; rank: number };
  /** Every (fixable) indicator of every unit at its top level. */
  maximum: { raw: number; score: number; rank: number };
}
