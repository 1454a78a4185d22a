import { describe, expect, it } from 'vitest';
import type { BodyProgress, UnitProgress } from '../../shared/wire/locus.ts';
import { summariseProgress } from './progress-model.ts';

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
    expect(summariseProgress(bodies, new Date('2024-10-01T05:00:00+07:00'))).toMatchObject({
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
    const s = summariseProgress([body([u])], new Date('2024-01-01T05:00:00+07:00'));
    expect(s.done).toBe(32);
    expect(s.target).toBe(34);
  });

  it('is all zeros for an empty locus', () => {
    expect(summariseProgress([], new Date('2024-01-01T05:00:00+07:00'))).toEqual({
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

describe("overdue, against each body's own calendar day", () => {
  // 4 December 2024 23.30 WIB = 16.30 UTC = 00.30 WITA / 01.30 WIT on the 5th (local-time's tests).
  const lateWib = new Date('2024-12-04T23:30:00+07:00');
  const dueOn4th = (provinceCode: string) => body([unit({ dueDate: '2024-12-04' })], { provinceCode });

  it('is not overdue yet in a WIB province: its day is still the 4th', () => {
    expect(summariseProgress([dueOn4th('36')], lateWib).overdue).toBe(0);
  });

  it('is overdue in a WITA and a WIT province: their day is already the 5th', () => {
    expect(summariseProgress([dueOn4th('73')], lateWib).overdue).toBe(1);
    expect(summariseProgress([dueOn4th('91')], lateWib).overdue).toBe(1);
    expect(summariseProgress([dueOn4th('36'), dueOn4th('73'), dueOn4th('94')], lateWib).overdue).toBe(2);
  });

  it("does not follow the device's zone", () => {
    // 3 December 23.59 UTC: a device set to UTC (or anywhere west) still says the 3rd; in WIB it is
    // 06.59 and in WIT 08.59 on the 4th, so a unit due on the 3rd is overdue in both.
    const justBeforeUtcMidnight = new Date('2024-12-03T23:59:00Z');
    const dueOn3rd = (provinceCode: string) => body([unit({ dueDate: '2024-12-03' })], { provinceCode });
    expect(summariseProgress([dueOn3rd('91')], justBeforeUtcMidnight).overdue).toBe(1);
    expect(summariseProgress([dueOn3rd('36')], justBeforeUtcMidnight).overdue).toBe(1);
  });
});
