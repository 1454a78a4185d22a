/**
 * Public surveys (issue 11): a unit's SKM survey per period (or a PEKPPP cycle's F-03), its
 * public questionnaire by short code, anonymous responses with abuse flags, and the IKM results.
 * Contract only: zod, src/core and this folder.
 */
import { z } from 'zod';
import { Text } from './common.ts';

export const SURVEY_KINDS = ['skm', 'f03'] as const;
export const PERIOD_KINDS = ['month', 'quarter', 'semester', 'year'] as const;
export const SURVEY_FLAG_CODES = ['outside-dates', 'device-repeat', 'burst-identical', 'too-fast', 'honeypot'] as const;
export const SUGGESTION_STATUSES = ['pending', 'approved', 'hidden'] as const;
export const RESPONSE_SOURCES = ['public', 'kiosk', 'paper'] as const;

export const surveyParams = z.object({ surveyId: z.uuid() });
export const surveyCodeParams = z.object({ surveyCode: z.string().regex(/^[a-z0-9]{4,16}$/) });
export const surveyResponseParams = z.object({ surveyId: z.uuid(), responseId: z.uuid() });

/** Creating a survey: the period, the services covered, the expected users (→ minimum sample). */
export const SurveyIn = z.object({
  kind: z.enum(SURVEY_KINDS).default('skm'),
  periodKind: z.enum(PERIOD_KINDS),
  year: z.number().int().min(2000).max(2100),
  /** 1-based: month 1–12, quarter 1–4, semester 1–2, year 1. */
  index: z.number().int().min(1).max(12),
  services: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  /** Expected service users in the period (N): the minimum sample is Krejcie–Morgan S(N). */
  expectedUsers: z.number().int().min(1).max(100_000_000),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** F-03 only: the PEKPPP cycle whose locus quota the responses count against. */
  cycleId: z.uuid().optional(),
});
export type SurveyIn = z.infer<typeof SurveyIn>;

export const SurveyPatchIn = z.object({
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  services: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
  expectedUsers: z.number().int().min(1).max(100_000_000).optional(),
});
export type SurveyPatchIn = z.infer<typeof SurveyPatchIn>;

export const Survey = z.object({
  id: z.uuid(),
  kind: z.enum(SURVEY_KINDS),
  code: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  schemeId: z.string(),
  instrument: z.string(),
  cycleId: z.uuid().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  periodKey: z.string(),
  periodFirstDay: z.string(),
  periodLastDay: z.string(),
  /** UTC offset of the body (WIB 420, WITA 480, WIT 540). */
  offsetMinutes: z.number().int(),
  services: z.array(z.string()),
  expectedUsers: z.number().int(),
  /** The minimum sample (Krejcie–Morgan for SKM; the locus quota for F-03). */
  targetSample: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  accepted: z.number().int(),
  flagged: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Survey = z.infer<typeof Survey>;
export const SurveyList = z.object({ items: z.array(Survey) });
export type SurveyList = z.infer<typeof SurveyList>;

/** The public questionnaire (no login). */
export const PublicOption = z.object({ code: z.string(), label: Text });
export const PublicQuestion = z.object({
  code: z.string(),
  text: Text,
  guidance: Text.nullable(),
  levels: z.array(z.object({ value: z.number().int(), key: z.string().nullable(), label: Text })),
});
export const PublicProfileField = z.object({
  code: z.string(),
  label: Text,
  kind: z.string(),
  required: z.boolean(),
  options: z.array(PublicOption),
});
export const PublicSurvey = z.object({
  code: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: Text,
  unitName: z.string(),
  bodyName: z.string(),
  periodKey: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  offsetMinutes: z.number().int(),
  questions: z.array(PublicQuestion),
  profile: z.array(PublicProfileField),
  /** A signed device token: sent back with the response (one response per device and period). */
  deviceToken: z.string(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const SurveyResponseIn = z.object({
  /** Client-generated id: a retried send of a queued response is a no-op. */
  id: z.uuid(),
  deviceToken: z.string().min(1).max(300),
  /** A kiosk token from the survey's operator (kiosk mode): no per-device limit. */
  kioskToken: z.string().max(300).optional(),
  openedAt: z.iso.datetime({ offset: true }).optional(),
  answers: z.record(z.string().max(20), z.number().int().min(0).max(10)),
  profile: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).default({}),
  /** Age in whole years; the server turns it into the band. */
  age: z.number().int().min(0).max(130).optional(),
  suggestion: z.string().max(2000).optional(),
  /** The honeypot: a hidden field people leave empty. */
  website: z.string().max(500).optional(),
});
export type SurveyResponseIn = z.infer<typeof SurveyResponseIn>;

export const SurveyResponseAck = z.object({ id: z.uuid(), received: z.literal(true) });
export type SurveyResponseAck = z.infer<typeof SurveyResponseAck>;

/** A paper form typed by the unit, with its scan (an evidence file's sha256). */
export const PaperResponseIn = z.object({
  id: z.uuid(),
  answers: z.record(z.string().max(20), z.number().int().min(0).max(10)),
  profile: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).default({}),
  suggestion: z.string().max(2000).optional(),
  scanSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PaperResponseIn = z.infer<typeof PaperResponseIn>;

/** The questionnaire of a survey for its unit (typing paper forms): the public form without a device token. */
export const SurveyQuestionnaire = PublicSurvey.omit({ deviceToken: true });
export type SurveyQuestionnaire = z.infer<typeof SurveyQuestionnaire>;

/** A paper form's scan, stored in the evidence store: its sha256 goes with the typed form. */
export const SurveyScan = z.object({ sha256: z.string(), size: z.number().int(), mime: z.string() });
export type SurveyScan = z.infer<typeof SurveyScan>;

export const KioskToken = z.object({ kioskToken: z.string(), url: z.string() });
export type KioskToken = z.infer<typeof KioskToken>;

/** The public link of a survey and its QR code (an SVG data URL) for the operator's page. */
export const SurveyLink = z.object({ url: z.string(), qr: z.string() });
export type SurveyLink = z.infer<typeof SurveyLink>;

export const SurveyFlag = z.object({ code: z.enum(SURVEY_FLAG_CODES), reason: Text });
export const FlaggedResponse = z.object({
  id: z.uuid(),
  submittedAt: z.string(),
  source: z.enum(RESPONSE_SOURCES),
  flags: z.array(SurveyFlag),
});
export const Suggestion = z.object({
  id: z.uuid(),
  submittedAt: z.string(),
  text: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
});
export const ModerationIn = z.object({ status: z.enum(SUGGESTION_STATUSES) });

export const IkmUnsurOut = z.object({
  code: z.string(),
  text: Text,
  nrr: z.number(),
  weighted: z.number(),
  converted: z.number(),
  band: z.string(),
  n: z.number().int(),
});
export const ProfileCount = z.object({
  field: z.string(),
  label: Text,
  counts: z.array(z.object({ code: z.string(), label: Text, n: z.number().int() })),
});
export const SurveyResults = z.object({
  survey: Survey,
  accepted: z.number().int(),
  flagged: z.number().int(),
  target: z.number().int(),
  /** accepted / target, 0–1 (may exceed 1). */
  progress: z.number(),
  /** Null until there is an accepted response (and always for F-03, which has no IKM). */
  ikm: z
    .object({
      value: z.number(),
      raw: z.number(),
      band: z.object({ code: z.string(), label: Text }),
      unsur: z.array(IkmUnsurOut),
      weakest: z.array(z.string()),
      ascending: z.array(z.string()),
    })
    .nullable(),
  profile: z.array(ProfileCount),
  flaggedResponses: z.array(FlaggedResponse),
  suggestions: z.array(Suggestion),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

/** A unit's published IKM (the public portal and open data). */
export const PublishedIkm = z.object({
  surveyId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  bodyName: z.string(),
  periodKey: z.string(),
  respondents: z.number().int(),
  ikm: z.number(),
  band: z.string(),
  unsur: z.array(z.object({ code: z.string(), text: Text, nrr: z.number() })),
  suggestions: z.array(z.string()),
  publishedAt: z.string(),
});
export type PublishedIkm = z.infer<typeof PublishedIkm>;
export const PublishedIkmList = z.object({ items: z.array(PublishedIkm) });
