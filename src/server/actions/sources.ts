// Checks an action's source against its unit: the cycle named must exist, and (once findings
// exist, issue 12 §1) the finding must be one of the unit's. SKM sources are checked by the
// public-survey resource when it is merged (the survey must be the unit's).
import { eq } from 'drizzle-orm';
import type { Lang } from '../../core/types.ts';
import { cycles } from '../cycles/schema.ts';
import { findings } from '../findings/schema.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { checkSurveySource } from '../surveys/queries.ts'; // issue 11
import type { ActionIn } from '../../shared/wire/actions.ts';

export async function checkActionSource(tx: Tx, _unit: { id: string }, input: ActionIn, _lang: Lang): Promise<void> {
  if (input.sourceKind === 'finding' && !input.findingId) throw new AppError('action.source_invalid', { reason: 'findingId' });
  if (input.sourceKind === 'skm' && (!input.surveyId || !input.unsurCode))
    throw new AppError('action.source_invalid', { reason: 'surveyId, unsurCode' });
  if (input.findingId) {
    const [f] = await tx
      .select({ unitId: findings.unitId, cycleId: findings.cycleId, indicator: findings.indicator })
      .from(findings)
      .where(eq(findings.id, input.findingId))
      .limit(1);
    if (!f || f.unitId !== _unit.id) throw new AppError('action.source_invalid', { reason: `finding ${input.findingId}` });
    input.cycleId ??= f.cycleId;
    input.indicator ??= f.indicator;
  }
  // issue 11: the survey must be the unit's and the unsur one of its questions.
  if (input.sourceKind === 'skm') {
    const wrong = await checkSurveySource(tx, _unit.id, input.surveyId!, input.unsurCode!);
    if (wrong) throw new AppError('action.source_invalid', { reason: wrong });
  }
  if (input.cycleId) {
    const [c] = await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, input.cycleId)).limit(1);
    if (!c) throw new AppError('action.source_invalid', { reason: `cycle ${input.cycleId}` });
  }
}
