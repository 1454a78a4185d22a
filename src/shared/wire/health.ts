/** `GET /health` (`src/server/health/routes.ts`): the server answers and its database too. */
import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof Health>;

/** `GET /health/live`: the process answers (no database round trip). */
export const Live = z.object({ status: z.literal('live') });
export type Live = z.infer<typeof Live>;

/** `GET /health/ready`: 200 when the database answers and the instance is not draining; 503 with the reason. */
export const Ready = z.object({ status: z.literal('ready') });
export type Ready = z.infer<typeof Ready>;
export const NotReady = z.object({ status: z.enum(['draining', 'no-database']) });
export type NotReady = z.infer<typeof NotReady>;
