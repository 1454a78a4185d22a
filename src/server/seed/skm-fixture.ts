// Test fixture (issue 11 §7): an SKM survey of a unit whose close date has passed, with accepted
// responses inserted as they are stored (no abuse checks: the answers are the test's).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { surveyResponses, surveys } from '../surveys/schema.ts';

export async function insertClosedSkm(
  db: Queryable,
  unitId: string,
  answers: Record<string, number>[],
  opts: { periodKind?: 'semester' | 'year'; periodKey?: string; expectedUsers?: number; target?: number; published?: boolean } = {},
): Promise<string> {
  const id = randomUUID();
  await db.insert(surveys).values({
    id,
    kind: 'skm',
    code: `skm${id.slice(0, 8)}`,
    unitId,
    schemeId: 'skm-2017',
    instrument: 'responden',
    periodKind: opts.periodKind ?? 'semester',
    periodKey: opts.periodKey ?? '2024-S1',
    periodStart: new Date('2023-12-31T17:00:00Z'),
    periodEnd: new Date('2024-06-30T17:00:00Z'),
    services: ['KTP-el'],
    expectedUsers: opts.expectedUsers ?? 1000,
    targetSample: opts.target ?? 278,
    opensAt: new Date('2024-01-01T00:00:00Z'),
    closesAt: new Date('2024-06-30T16:59:59Z'),
    publishedAt: opts.published ? new Date('2024-07-05T03:00:00Z') : null,
  });
  if (answers.length > 0)
    await db.insert(surveyResponses).values(
      answers.map((a, k) => ({
        id: randomUUID(),
        surveyId: id,
        source: 'paper',
        submittedAt: new Date(Date.UTC(2024, 2, 1, 3, k)),
        fingerprint: `f${k}`,
        answers: a,
        profile: {},
        accepted: true,
        flags: [],
      })),
    );
  return id;
}
