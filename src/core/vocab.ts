/**
 * Closed vocabularies of the library format that callers need as values (the union types are in
 * types.ts). Kept apart from parse-scheme so a small bundle (the public survey page) can use
 * them without zod. Pure.
 */
import type { BodyType, FillerRole, PeriodKind } from './types.ts';

/** Every role that may fill an instrument (types.ts `FillerRole`), in a stable order. */
export const FILLER_ROLES = [
  'admin',
  'pimpinan',
  'asisten',
  'koordinator',
  'operator',
  'evaluator',
  'public',
] as const satisfies readonly FillerRole[];

/** Survey period kinds (types.ts `PeriodKind`), shortest first. */
export const PERIOD_KINDS = ['month', 'quarter', 'semester', 'year'] as const satisfies readonly PeriodKind[];

/** Body types (types.ts `BodyType`): ministries and agencies (K/L), then regional governments. */
export const BODY_TYPES = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota'] as const satisfies readonly BodyType[];
