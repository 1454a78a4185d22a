/**
 * Evidence on the wire (`src/server/evidence/routes.ts`): a file uploaded for a unit in a cycle
 * (multipart: the fields of `EvidenceUploadFields`, then one file of `EVIDENCE_MIMES`, at most
 * `MAX_UPLOAD_BYTES`), optionally linked to a record and an indicator; listed per unit,
 * downloaded at `GET /evidence/:id`, unlinked with `DELETE /evidence/:id`.
 */
import { z } from 'zod';
import { pageQuery } from './common.ts';
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
});
export type Evidence = z.infer<typeof Evidence>;

/** Fields of the upload form; they must come before the file part. */
export const EvidenceUploadFields = z.object({
  cycleId: z.uuid(),
  unitId: z.uuid(),
  recordId: z.uuid().optional(),
  indicator: z.string().min(1).max(100).optional(),
  kind: z.string().min(1).max(40).optional(),
});
export type EvidenceUploadFields = z.infer<typeof EvidenceUploadFields>;

export const EvidenceQuery = z.object({ ...pageQuery, recordId: z.uuid().optional(), indicator: z.string().max(100).optional() });
export const evidenceParams = z.object({ id: z.uuid() });
export const EvidenceDeleted = z.object({ deleted: z.uuid() });
