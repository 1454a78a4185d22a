/**
 * Evidence on the wire (`src/server/evidence/routes.ts`): a file uploaded for a unit in a cycle
 * (multipart: the fields of `EvidenceUploadFields`, then one file of `EVIDENCE_MIMES`, at most
 * `MAX_UPLOAD_BYTES`), optionally linked to a record and an indicator; listed per unit,
 * downloaded at `GET /evidence/:id`, unlinked with `DELETE /evidence/:id`.
 */
import { z } from 'zod';
import { Text, pageQuery } from './common.ts';
import { EVIDENCE_MIMES } from './enums.ts';

export const EvidenceMime = z.enum(EVIDENCE_MIMES);
export type EvidenceMime = z.infer<typeof EvidenceMime>;

export const Evidence = z.object({
  id: z.uuid(),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  cycleId: z.uuid(),
  unitId: z.uuid(),
  recordId: z.uuid().nullable(),
  indicator: z.string().nullable(),
  filename: z.string(),
  kind: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  /** issue 13 §2: device time the photo was taken and where (with permission); null when not known. */
  capturedAt: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** GPS accuracy in metres. */
  accuracy: z.number().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Fields of the upload form; they must come before the file part. */
export const EvidenceUploadFields = z.object({
  cycleId: z.uuid(),
  unitId: z.uuid(),
  recordId: z.uuid().optional(),
  indicator: z.string().min(1).max(100).optional(),
  kind: z.string().min(1).max(40).optional(),
  // issue 13 §2: capture time and position from the device (text fields: coerced).
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  accuracy: z.coerce.number().min(0).max(100_000).optional(),
});
export type EvidenceUploadFields = z.infer<typeof EvidenceUploadFields>;

// ── issue 13: resumable uploads (tus 1.0.0: creation, core, termination) ─────────────────────
// `POST /uploads` with `Upload-Length` and `Upload-Metadata` (base64 values of the fields below),
// `HEAD /uploads/:uploadId` → `Upload-Offset`, `PATCH /uploads/:uploadId` with
// `application/offset+octet-stream` from that offset; the last PATCH answers `Upload-Evidence-Id`.

/** `Upload-Metadata` of a resumable evidence upload: the multipart fields, the name, the device's hash. */
export const ResumableUploadMeta = EvidenceUploadFields.extend({
  filename: z.string().min(1).max(255),
  /** sha256 of the file computed on the device (hex): the server refuses bytes that differ. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type ResumableUploadMeta = z.infer<typeof ResumableUploadMeta>;
export const uploadParams = z.object({ uploadId: z.uuid() });
/** 201 of `POST /uploads` (the address is also in `Location`). */
export const ResumableUploadCreated = z.object({ id: z.uuid(), offset: z.number().int(), length: z.number().int() });
export type ResumableUploadCreated = z.infer<typeof ResumableUploadCreated>;

export const EvidenceQuery = z.object({ ...pageQuery, recordId: z.uuid().optional(), indicator: z.string().max(100).optional() });
export const evidenceParams = z.object({ id: z.uuid() });
export const EvidenceDeleted = z.object({ deleted: z.uuid() });

// ── issue 11 §7: a unit's IKM as evidence ─────────────────────────────────────────────────────
// Where the library allows it (`ikmEvidence` on an indicator: PEKPPP's SKM indicators, the
// Ombudsman Output indicators of K/L units), the IKM of one of the unit's SKM surveys, closed or
// published, is attached to an indicator, frozen as it was then (value, mutu, respondents).

/** One attached IKM, as frozen when attached. */
export const IkmEvidence = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  unitId: z.uuid(),
  indicator: z.string(),
  surveyId: z.uuid(),
  /** The survey's period key ("2024-S1"); shown in words (core periodLabel), never as the key. */
  periodKey: z.string(),
  /** IKM 25–100, rounded as published (2 dp). */
  ikm: z.number(),
  /** Mutu A–D and its label (skm-2017). */
  band: z.string(),
  bandLabel: Text,
  respondents: z.number().int(),
  target: z.number().int(),
  createdAt: z.string(),
});
export type IkmEvidence = z.infer<typeof IkmEvidence>;
export const IkmEvidenceList = z.object({ items: z.array(IkmEvidence) });
export type IkmEvidenceList = z.infer<typeof IkmEvidenceList>;

/** `POST /cycles/:cycleId/units/:unitId/ikm-evidence` */
export const IkmEvidenceIn = z.object({ indicator: z.string().min(1).max(100), surveyId: z.uuid() });
export type IkmEvidenceIn = z.infer<typeof IkmEvidenceIn>;
export const ikmEvidenceParams = z.object({ ikmEvidenceId: z.uuid() });

/** `GET /cycles/:cycleId/units/:unitId/ikm-options`: the indicators that take an IKM, and the unit's IKMs to choose from. */
export const IkmOptions = z.object({
  /** Codes of the indicators of the frozen scheme that take an IKM for this unit (body type). */
  indicators: z.array(z.string()),
  /**
   * When this offer changes by time alone (ISO instant): the soonest close of the unit's SKM surveys
   * still running; null when none is. A client may keep the offer until then.
   */
  refreshAt: z.iso.datetime().nullable(),
  /** The unit's SKM surveys that are closed or published and have an IKM, newest period first. */
  surveys: z.array(
    z.object({
      surveyId: z.uuid(),
      periodKey: z.string(),
      ikm: z.number(),
      band: z.string(),
      bandLabel: Text,
      respondents: z.number().int(),
      target: z.number().int(),
      published: z.boolean(),
    }),
  ),
});
export type IkmOptions = z.infer<typeof IkmOptions>;
