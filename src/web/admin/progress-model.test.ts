import { describe, expect, it } from 'vitest';
import type { BodyProgress, UnitProgress } from '../../shared/wire/locus.ts';
import { summariseProgress, todayIso } from './progress-model.ts';

const unit = (over: Partial<UnitProgress>): UnitProgress => ({
  unitId: crypto.randomUUID(),
  name: 'Unit',
  sector: 'adminduk',
  status: 'pending',
  assessor: null,
  dueDate: null,
  instruments: [],
  done: 0,
  target: 0,
  complete: false,
  result: null,
  ...over,
});

const body = (units: UnitProgress[], over: Partial<BodyProgress> = {}): BodyProgress => ({
  bodyId: crypto.randomUUID(),
  code: '36.71',
  name: 'Kota Tangerang',
  type: 'kota',
  provinceCode: '36',
  status: 'open',
  followups: null,
  units,
  done: 0,
  target: 0,
  unitsComplete: 0,
  unitsApproved: 0,
  result: null,
  ...over,
});

const asisten = { id: 'a', name: 'Asisten', username: 'asisten.banten' };

describe('summariseProgress', () => {
  it('counts bodies, assignments, complete and approved units, and overdue incomplete units', () => {
    const bodies = [
      body(
        [
          unit({ assessor: asisten, dueDate: '2024-09-30', complete: true }),
          unit({ assessor: asisten, dueDate: '2024-09-30' }),
          unit({ dueDate: '2099-01-01' }),
        ],
        { unitsApproved: 1 },
      ),
      body([unit({ assessor: asisten, complete: true })], { status: 'final', unitsApproved: 1 }),
    ];
    expect(summariseProgress(bodies, '2024-10-01')).toMatchObject({
      bodies: 2,
      bodiesFinal: 1,
      units: 4,
      unitsAssigned: 3,
      unitsComplete: 2,
      unitsApproved: 2,
      overdue: 1,
    });
  });

  it('adds records against quotas without letting an over-filled instrument hide a short one', () => {
    const u = unit({
      instruments: [
        { code: 'pengguna', done: 35, target: 30, min: 30, complete: true },
        { code: 'pejabat', done: 2, target: 4, min: 4, complete: false },
      ],
    });
    const s = summariseProgress([body([u])], '2024-01-01');
    expect(s.done).toBe(32);
    expect(s.target).toBe(34);
  });

  it('is all zeros for an empty locus', () => {
    expect(summariseProgress([], '2024-01-01')).toEqual({
      bodies: 0,
      bodiesFinal: 0,
      units: 0,
      unitsAssigned: 0,
      unitsComplete: 0,
      unitsApproved: 0,
      done: 0,
      target: 0,
      overdue: 0,
    });
  });
});

describe('todayIso', () => {
  it('formats the local calendar date', () => {
    expect(todayIso(new Date(2024, 11, 4, 23, 30))).toBe('2024-12-04');
  });
});
