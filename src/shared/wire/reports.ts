/**
 * Reports on the wire (`src/server/reports/routes.ts`): rapor (report card) PDFs of a
 * government or a unit — live (marked SEMENTARA until a released publication covers the body)
 * or rendered from a publication's snapshot — and report packs, a background job zipping every
 * government rapor of a publication.
 */
import { z } from 'zod';
import { Lang } from './common.ts';

/** `?lang=id|en` of a PDF (default Indonesian). */
export const PdfQuery = z.object({ lang: Lang.default('id') });
export const publicationBodyParams = z.object({ publicationId: z.uuid(), bodyId: z.uuid() });

/** `POST /publications/:publicationId/report-pack` (202 Job): also every unit's rapor when `units`. */
export const ReportPackIn = z.object({ lang: Lang.default('id'), units: z.boolean().default(false) }).default({ lang: 'id', units: false });
/** What a client sends (both fields may be left out). */
export type ReportPackIn = z.input<typeof ReportPackIn>;
