// Zod shapes of cycles, locus and progress on the wire (shared by the cycle, record and score routes).
import { z } from 'zod';
import { cycleStatuses, unitStatuses } from './queries.ts';

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const Text = z.object({ id: z.string(), en: z.string() });
export const provinceCode = z.string().regex(/^\d{2}$/);
export const bodyType = z.enum(['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota']);

export const Cycle = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  schemeId: z.string(),
  family: z.string(),
  schemeHash: z.string(),
  status: z.enum(cycleStatuses),
  provinceCode: z.string().nullable(),
  source: z.enum(['computed', 'imported']),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const InstrumentQuota = z.object({
  code: z.string(),
  title: Text,
  respondent: Text,
  kind: z.string(),
  role: z.enum(['score', 'claim', 'beside']),
  target: z.number().int(),
  min: z.number().int(),
});

export const CycleSummary = Cycle.extend({
  schemeTitle: Text,
  bodies: z.number().int(),
  units: z.number().int(),
  /** At least one released current publication (the public may open the cycle). */
  published: z.boolean(),
});
export const CycleDetail = CycleSummary.extend({ instruments: z.array(InstrumentQuota) });

export const ResultRef = z.object({ score: z.number(), bandCode: z.string(), complete: z.boolean() });

export const UnitProgress = z.object({
  unitId: z.uuid(),
  name: z.string(),
  sector: z.string(),
  status: z.enum(unitStatuses),
  assessor: z.object({ id: z.uuid(), name: z.string(), username: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  instruments: z.array(
    z.object({ code: z.string(), done: z.number().int(), target: z.number().int(), min: z.number().int(), complete: z.boolean() }),
  ),
  done: z.number().int(),
  target: z.number().int(),
  complete: z.boolean(),
  result: ResultRef.nullable(),
});

export const Followups = z.object({
  products: z.array(z.object({ kind: z.string().min(1).max(60), followedUp: z.boolean() })).max(200),
});

export const BodyProgress = z.object({
  bodyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  provinceCode: z.string().nullable(),
  status: z.enum(['open', 'final']),
  followups: Followups.nullable(),
  units: z.array(UnitProgress),
  done: z.number().int(),
  target: z.number().int(),
  unitsComplete: z.number().int(),
  unitsApproved: z.number().int(),
  result: ResultRef.nullable(),
});

export const cycleParams = z.object({ cycleId: z.uuid() });
export const cycleUnitParams = z.object({ cycleId: z.uuid(), unitId: z.uuid() });
export const cycleBodyParams = z.object({ cycleId: z.uuid(), bodyId: z.uuid() });
