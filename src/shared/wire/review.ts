/**
 * A unit's review on the wire (`src/server/records/routes.ts`): the assessor hands the unit in
 * (`submit`, its fieldwork then locks), the head of office approves it (the body turns final once
 * all its units are) or returns it with a comment per indicator.
 */
import { z } from 'zod';

export const Submitted = z.object({ status: z.literal('submitted') });
export type Submitted = z.infer<typeof Submitted>;

export const ApproveIn = z.object({ note: z.string().trim().max(4000).nullish() });
export type ApproveIn = z.infer<typeof ApproveIn>;
export const Approved = z.object({ status: z.literal('approved'), bodyFinal: z.boolean() });
export type Approved = z.infer<typeof Approved>;

export const ReturnIn = z.object({
  note: z.string().trim().max(4000).nullish(),
  /** Indicator code → what the assessor must fix. */
  comments: z.record(z.string().min(1).max(100), z.string().trim().min(1).max(4000)).default({}),
});
/** What a client sends (`comments` may be left out). */
export type ReturnIn = z.input<typeof ReturnIn>;
export const Returned = z.object({ status: z.literal('returned') });
export type Returned = z.infer<typeof Returned>;
/** Issue 13 §6: a team lead passed the unit on to the pimpinan. */
export const LeadReviewed = z.object({ status: z.literal('reviewed') });
export type LeadReviewed = z.infer<typeof LeadReviewed>;
