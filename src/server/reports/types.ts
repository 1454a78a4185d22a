/**
 * Input shapes of the report renderers (rapor and piagam), decoupled from the database: a
 * caller (route, report-pack job, bench) loads rows, runs the engine and fills these in. The
 * renderers are pure with respect to them: no database, no clock (dates are passed in), no
 * network, so the same input always gives the same document.
 */
import type { Zone } from '../../shared/local-time.ts';
import type { Mandiri } from '../../shared/wire/cycles.ts';
import type {
  Assumption,
  BandRef,
  BodyType,
  ClaimComparison,
  EvidenceKind,
  Improvement,
  Lang,
  QualifierResult,
  SchemeTerms,
  SupplementSummary,
  Text,
  UnitScore,
} from '../../core/types.ts';

/** A date as a Date or an ISO-8601 string; printed in the body's zone (WIB unless given). */
export type DateInput = Date | string;

export interface ReportCycle {
  /** Display name of the cycle, e.g. "Penilaian Kepatuhan 2024". */
  name: string;
  year: number;
  schemeId: string;
  schemeTitle: Text;
}

/**
 * What the rapor is about. A government (pemda, kementerian, lembaga) with its assessed units,
 * or a single service unit (then `units` holds that one unit).
 */
export type ReportSubject =
  | {
      kind: 'government';
      name: string;
      type: BodyType;
      /** Province name; null for kementerian/lembaga. */
      provinceName: string | null;
    }
  | {
      kind: 'unit';
      name: string;
      /** Sector code of methodology.md §6 (adminduk, perizinan, kesehatan, puskesmas, …). */
      sector: string;
      /** The government the unit belongs to, e.g. "Kota Serang". */
      governmentName: string;
      provinceName: string | null;
    };

export interface RankPosition {
  rank: number;
  /** Size of the group. */
  of: number;
  /** Last cycle's rank − this cycle's rank (positive = moved up); null when there is no previous rank. */
  movement: number | null;
}

export interface ReportUnit {
  name: string;
  /** Sector code (methodology.md §6). */
  sector: string;
  /** Published (rounded) score. */
  score: number;
  band: BandRef;
  breakdown: UnitScore;
}

/** An improvement of one unit; `unit` names it on a government rapor. */
export type ReportImprovement = Improvement & { unit?: string };

export interface EvidenceSummaryRow {
  /** Indicator code, e.g. "K1". */
  indicator: string;
  text: Text;
  /** Unit the evidence belongs to, on a government rapor. */
  unit?: string;
  files: number;
  kinds: EvidenceKind[];
}

export interface SnapshotRef {
  id: string;
  version: number;
  publishedAt: DateInput;
  /** Permanent URL of the published snapshot. */
  url: string;
  /** Set when an erratum replaced this version: the rapor says so on every page. */
  supersededBy?: { version: number; url: string } | null;
}

export interface RaporInput {
  /** Default 'id' (Bahasa Indonesia). */
  language?: Lang;
  /** Issuing institution printed in the header; default Ombudsman Republik Indonesia. */
  issuer?: Text;
  /** The scheme's own words (score, band, dimension names; library `terms`); absent = the generic ones. */
  terms?: SchemeTerms;
  /** issue 10: a "mandiri" PEKPPP cycle and its KemenPANRB validation (a line under the title). */
  mandiri?: Mandiri;
  /** Per unit, its claims (PEKPPP F-01) against the verdict (F-02): the over-claim view. Absent/empty: none printed. */
  claims?: { unit: string; comparison: ClaimComparison }[];
  /** Per unit, the public questionnaire summarised beside the result (PEKPPP F-03), when it has respondents. */
  supplements?: { unit: string; summary: SupplementSummary }[];
  cycle: ReportCycle;
  subject: ReportSubject;
  /** Published (rounded) score of the subject. */
  score: number;
  band: BandRef;
  /** Flags beside the score (2025 "Tanpa Maladministrasi"); only those that apply are printed as awarded. */
  qualifiers: QualifierResult[];
  ranks: {
    /** National rank among bodies of the same type (or the unit's sector nationally). */
    national: RankPosition;
    /** Rank inside the province (kabupaten/kota together; a unit's sector in its province). */
    province?: RankPosition;
  };
  units: ReportUnit[];
  /** Any order; the rapor sorts by gain (government gain on a government rapor), largest first. */
  improvements: ReportImprovement[];
  evidence: EvidenceSummaryRow[];
  /** Every assumption of the scheme that affects the numbers. */
  assumptions: Assumption[];
  /** The published snapshot; null = not published, the rapor is marked SEMENTARA / PROVISIONAL. */
  snapshot: SnapshotRef | null;
  /** When the document is generated (printed in the footer, with the hour in `zone`, and the PDF metadata). */
  generatedAt: DateInput;
  /** The body's zone (WIB, WITA, WIT from its province; issue 16) for every date printed; default WIB. */
  zone?: Zone;
  /** How many improvements to print (default 15); the rest are counted. */
  improvementLimit?: number;
  /** Dimension chart style (default 'bar'). */
  chart?: 'bar' | 'radar';
}

export type Award =
  | { kind: 'kualitas-tertinggi' }
  | { kind: 'top-province'; rank: number; provinceName: string }
  | {
      kind: 'most-improved';
      /** Rank among the most improved (1 = most improved). */
      rank: number;
      /** Province of the group; absent = national. */
      provinceName?: string;
      /** Score gained against the previous cycle, when known. */
      delta?: number;
    }
  // issue 18: a unit among the best of its sector in its province
  | { kind: 'top-sector'; rank: number; sectorName: string; provinceName: string };

export type AwardKind = Award['kind'];

export interface PiagamInput {
  /** Default 'id'. */
  language?: Lang;
  /** Issuing institution; default Ombudsman Republik Indonesia. */
  issuer?: Text;
  awardee: {
    name: string;
    /** Body type, or a unit's sector code. */
    type?: BodyType | string;
    provinceName?: string | null;
    /** A unit's government, printed under its name (issue 18). */
    of?: string;
  };
  award: Award;
  cycle: ReportCycle;
  score: number;
  band: BandRef;
  verification: {
    /** Short code printed on the certificate and encoded in the URL. */
    code: string;
    /** Public verification page; encoded in the QR code. */
    url: string;
  };
  signatory: { name: string; title: string };
  issuedAt: DateInput;
  /** The awardee's zone (issue 16): the issue day is the calendar day there; default WIB. */
  zone?: Zone;
  /** Place of signing, e.g. "Jakarta". */
  issuedPlace?: string;
}
