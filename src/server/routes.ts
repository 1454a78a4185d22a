// Every resource's routes, mounted under /api/v1. One line per resource.
import type { FastifyInstance } from 'fastify';
import { healthRoutes } from './health/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { userRoutes } from './users/routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { cycleRoutes } from './cycles/routes.ts';
import { locusRoutes } from './locus/routes.ts';
import { recordRoutes } from './records/routes.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { scoreRoutes } from './scores/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { transferRoutes } from './transfer/routes.ts';
import { clarificationRoutes } from './clarifications/routes.ts';
import { publicationRoutes } from './publications/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { awardRoutes } from './awards/routes.ts';
import { recognitionRoutes } from './recognition/routes.ts'; // issue 18
import { pekpppRoutes } from './pekppp/routes.ts'; // issue 10
import { surveyRoutes } from './surveys/routes.ts'; // issue 11
import { actionRoutes } from './actions/routes.ts'; // issue 12
import { findingRoutes } from './findings/routes.ts'; // issue 12
import { internalRoutes } from './internal/routes.ts'; // issue 12 §4
// issue 13
import { fieldworkRoutes } from './fieldwork/routes.ts';
import { libraryDocRoutes } from './library-docs/routes.ts'; // issue 12 §3
import { visitRoutes } from './visits/routes.ts';

export async function registerRoutes(api: FastifyInstance): Promise<void> {
  await healthRoutes(api);
  await authRoutes(api);
  await userRoutes(api);
  await registryRoutes(api);
  await auditRoutes(api);
  await cycleRoutes(api);
  await locusRoutes(api);
  await recordRoutes(api);
  await evidenceRoutes(api);
  await scoreRoutes(api);
  await jobRoutes(api);
  await transferRoutes(api);
  await clarificationRoutes(api);
  await publicationRoutes(api);
  await reportRoutes(api);
  await awardRoutes(api);
  await recognitionRoutes(api); // issue 18
  await pekpppRoutes(api); // issue 10
  await surveyRoutes(api); // issue 11
  await actionRoutes(api); // issue 12
  await findingRoutes(api); // issue 12
  await internalRoutes(api); // issue 12 §4
  // issue 13
  await fieldworkRoutes(api);
  await libraryDocRoutes(api); // issue 12 §3
  await visitRoutes(api);
}
