/**
 * Input and output shapes of the Excel exports, the Excel/CSV imports and the open-data files.
 * Plain data, decoupled from the database: a route (or a background job) loads rows, runs the
 * engine and fills these in; the functions in this folder are pure with respect to them (no
 * database, no clock, no network), so the same input always gives the same file contents.
 */
import type { Zone } from '../../shared/local-time.ts';
import type { Assumption, BandRef, BodyType, Lang, Scheme, Sheet, Text, UnitScore, ZoneCode } from '../../core/types.ts';

/** What an export needs of a band: its code, its label in both languages and its zone. */
export interface BandLabel {
  code: string;
  label: Text;
  zone?: ZoneCode;
}

/** A rank inside a group and the size of the group. */
export interface RankPosition {
  rank: number;
  of: number;
}

/** The cycle an export is about. */
export interface ExportCycle {
  /** Display name, e.g. "Penilaian Kepatuhan 2024". */
  name: string;
  year: number;
  /** Scheme id, e.g. "ombudsman-2024". Its assumptions are listed on the Asumsi sheet. */
  schemeId: string;
}

/** Called while a long export or import runs: `done` of `total` rows (the last call has done === total). */
export type ProgressCallback = (done: number, total: number) => void;

export interface ExportOptions {
  lang: Lang;
  /**
   * The scheme frozen on the cycle. Default: `getScheme(cycle.schemeId)` from the library.
   * Pass the frozen copy when the library file may have changed since the cycle started.
   */
  scheme?: Scheme;
  /** Printed in the header block when given (the functions never read the clock). */
  generatedAt?: Date | string;
  /** The zone of the body or province the workbook is about (issue 16); default WIB. */
  zone?: Zone;
  onProgress?: ProgressCallback;
}

// ---------------------------------------------------------------------------------------------
// Export inputs
// ---------------------------------------------------------------------------------------------

/** One row of a leaderboard (a ranking group: national per type, a province, a sector). */
export interface LeaderboardRow {
  rank: number;
  /** Size of the group. */
  of: number;
  name: string;
  type: BodyType;
  /** Province name; null for kementerian/lembaga. */
  province: string | null;
  /** Published (rounded, 2 dp) score. */
  score: number;
  band: BandLabel;
  /** Last cycle's rank − this cycle's rank (positive = moved up); null when there is none. */
  movement: number | null;
  /** Number of units assessed. */
  units: number;
  /** Kemendagri code (or K/L slug); a "Kode" column is added when any row has one. */
  code?: string;
}

export interface LeaderboardOptions extends ExportOptions {
  /** Title of the leaderboard, e.g. "Peringkat Kabupaten 2024". */
  title: string;
  /** The cycle, named in the header block; its scheme's assumptions fill the Asumsi sheet. */
  cycle?: ExportCycle;
}

/** A government (or K/L) result in a cycle. */
export interface CycleBody {
  /** Kemendagri code ("36", "36.71") or the K/L slug. */
  code: string;
  name: string;
  type: BodyType;
  provinceCode: string | null;
  provinceName: string | null;
  /** Published (rounded) score. */
  score: number;
  band: BandLabel;
  /** Units assessed. */
  units: number;
  /** Every unit complete (an incomplete body cannot be published). */
  complete: boolean;
  rankNationalType: RankPosition | null;
  /** Kabupaten/kota inside their province; null for other types. */
  rankProvince: RankPosition | null;
  movement: number | null;
}

/** A service unit's result with its full breakdown from the engine. */
export interface BreakdownUnit {
  name: string;
  /** Sector code (methodology.md §6): adminduk, perizinan, kesehatan, puskesmas, … */
  sector: string;
  /** Published (rounded) score. */
  score: number;
  band: BandLabel;
  complete: boolean;
  breakdown: UnitScore;
}

export interface CycleUnit extends BreakdownUnit {
  /** Code of the body the unit belongs to (CycleBody.code). */
  body: string;
}

/** A cycle's full results: every government and every unit with its breakdown. */
export interface CycleResults {
  cycle: ExportCycle;
  bodies: CycleBody[];
  units: CycleUnit[];
}

/** One body with its units' breakdowns. */
export interface BodyBreakdown {
  cycle: ExportCycle;
  body: CycleBody;
  units: BreakdownUnit[];
}

// ---------------------------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------------------------

/**
 * One validation problem, located as Excel shows it. `sheet` is null for a CSV file; `row` is
 * the 1-based row number (null for a file-level problem); `column` the column letter ("C") and
 * `header` the header text of that column, when the problem is in a column.
 */
export interface ImportIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  header: string | null;
  /** Stable code, e.g. "score.out_of_range" (see IMPORT_ISSUE_CODES in i18n.ts). */
  code: string;
  message: Text;
  /** The offending cell as text, when there is one. */
  value?: string;
}

/** All-or-nothing: either every row is valid and `value` holds them all, or nothing. */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; errors: ImportIssue[] };

/** A registry body as the results import needs it. */
export interface KnownBody {
  /** Registry id, when the caller has one. */
  id?: string;
  code: string;
  name: string;
  type?: BodyType;
}

export interface ResultsImportContext {
  /** Registry lookup by Kemendagri code / K/L slug; null or undefined = unknown. May be async. */
  lookupBody: (code: string) => KnownBody | null | undefined | Promise<KnownBody | null | undefined>;
  /** Scheme lookup. Default: the methodology library's `getScheme`. */
  getScheme?: (id: string) => Scheme | undefined;
  /** Most data rows accepted (default 100 000). */
  maxRows?: number;
  /** Most issues reported before stopping (default 1 000). */
  maxErrors?: number;
}

/** One valid row of a historical results file. */
export interface HistoricalResult {
  /** Row number in the file (as Excel shows it). */
  row: number;
  /** Sheet the row was read from (null for CSV). */
  sheet: string | null;
  year: number;
  bodyCode: string;
  /** The registry body the code resolved to. */
  body: KnownBody;
  /** Name as written in the file (informative; the registry name is authoritative). */
  name: string | null;
  schemeId: string;
  /** The published score, rounded half away from zero to 2 dp. */
  score: number;
  band: BandRef;
  /** Published rank, when the file gives one. */
  rank: number | null;
}

export interface AnswersImportOptions {
  maxRows?: number;
  maxErrors?: number;
}

/** Parsed answer sheets of one unit, ready for `scoreUnit(scheme, value)`. */
export interface ImportedAnswers {
  schemeId: string;
  sheets: Sheet[];
  /** Where each sheet was read (same order as `sheets`): to point a later refusal at its row. */
  origins: { sheet: string | null; row: number }[];
}

// ---------------------------------------------------------------------------------------------
// Open data
// ---------------------------------------------------------------------------------------------

export interface SnapshotGovernment {
  code: string;
  name: string;
  type: BodyType;
  provinceCode: string | null;
  /** Published (rounded) score. */
  score: number;
  band: BandLabel;
  /** Qualifier codes that apply (2025 "tanpa-maladministrasi"); empty when none. */
  qualifiers: string[];
  rankNationalType: RankPosition | null;
  rankProvince: RankPosition | null;
  movement: number | null;
  unitsAssessed: number;
}

export interface SnapshotUnit {
  /** Stable unit id (registry UUID). */
  id: string;
  bodyCode: string;
  name: string;
  sector: string;
  score: number;
  band: BandLabel;
  /** Rank among units of the same sector in the same province. */
  rankSectorProvince: RankPosition | null;
  /** Dimension scores on the result scale (full precision; rounded to 2 dp in the files). */
  dimensions: { code: string; title: Text; weight: number; score: number }[];
}

/** An immutable published snapshot (issue 5 §2), as the open-data files need it. */
export interface PublishedSnapshot {
  id: string;
  /** 1 for the first publication, +1 per erratum. */
  version: number;
  publishedAt: Date | string;
  /** "national" or "province:<code>". */
  scope: string;
  cycle: ExportCycle & { schemeVersion: string; schemeHash: string };
  /** Set on an erratum: why the new version was published. */
  erratumReason?: string | null;
  governments: SnapshotGovernment[];
  units: SnapshotUnit[];
  assumptions: Assumption[];
}
