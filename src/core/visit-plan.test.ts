// Issue 13 §5: a unit's own quota within the scheme's range; a planned unit's state.
import { describe, expect, it } from 'vitest';
import { getScheme } from '../../methodologies/index.ts';
import { adjustQuota, quotaRange, visitState } from './visit-plan.ts';

const scheme = getScheme('ombudsman-2024')!;

describe('adjustQuota', () => {
  it.each([
    [25, { ok: true, value: { target: 25, min: 25 } }],
    [20, { ok: true, value: { target: 20, min: 20 } }],
    [40, { ok: true, value: { target: 40, min: 30 } }],
    [19, { ok: false, range: { min: 20, max: 40 } }],
    [41, { ok: false, range: { min: 20, max: 40 } }],
    [25.5, { ok: false, range: { min: 20, max: 40 } }],
  ])('pengguna target %s → %j', (target, expected) => {
    expect(adjustQuota(scheme, 'pengguna', target)).toEqual(expected);
  });
  it('refuses an instrument the file gives no range', () => {
    expect(quotaRange(scheme, 'pejabat')).toBeNull();
    expect(adjustQuota(scheme, 'pejabat', 4)).toEqual({ ok: false, range: null });
  });
});

describe('visitState', () => {
  it.each([
    [['2024-07-01'], 'pending', '2024-07-01', '2024-07-05', 'visited'],
    [['2024-07-02'], 'pending', '2024-07-01', '2024-07-05', 'missed'],
    [[], 'submitted', '2024-07-01', '2024-07-05', 'visited'],
    [[], 'reviewed', '2024-07-01', '2024-07-05', 'visited'],
    [[], 'returned', '2024-07-01', '2024-07-05', 'missed'],
    [[], 'pending', '2024-07-05', '2024-07-05', 'planned'],
    [[], 'pending', '2024-07-09', '2024-07-05', 'planned'],
  ] as const)('captured %j, %s, planned %s, today %s → %s', (days, status, date, today, expected) => {
    expect(visitState(date, today, { captureDays: days, status })).toBe(expected);
  });
});
