import { describe, expect, it } from 'vitest';
import { actionTiming, localToday, mayReport, provinceOffsetMinutes, verifiedStatus } from './actions.ts';

describe('follow-up actions', () => {
  it('moves planned → in_progress → done by reports, never back and never past done', () => {
    expect(mayReport('planned', 'in_progress')).toBe(true);
    expect(mayReport('planned', 'done')).toBe(true);
    expect(mayReport('in_progress', 'planned')).toBe(false);
    expect(mayReport('done', 'in_progress')).toBe(false);
    expect(mayReport('done', 'verified')).toBe(false);
    expect(mayReport('verified', 'verified')).toBe(false);
  });

  it('verifies only done actions; a refusal sends them back to in_progress', () => {
    expect(verifiedStatus('done', true)).toBe('verified');
    expect(verifiedStatus('done', false)).toBe('in_progress');
    expect(verifiedStatus('in_progress', true)).toBeNull();
  });

  it('is overdue the day after the due date and due soon within 14 days', () => {
    expect(actionTiming('2025-03-31', 'planned', '2025-04-01')).toEqual({ timing: 'overdue', daysLeft: -1 });
    expect(actionTiming('2025-03-31', 'in_progress', '2025-03-31')).toEqual({ timing: 'due_soon', daysLeft: 0 });
    expect(actionTiming('2025-03-31', 'planned', '2025-03-17')).toEqual({ timing: 'due_soon', daysLeft: 14 });
    expect(actionTiming('2025-03-31', 'planned', '2025-03-16')).toEqual({ timing: 'on_track', daysLeft: 15 });
    expect(actionTiming('2025-03-31', 'done', '2025-05-01').timing).toBe('closed');
  });

  it("takes today's date in the body's zone", () => {
    expect(provinceOffsetMinutes('36')).toBe(420);
    expect(provinceOffsetMinutes('73')).toBe(480);
    expect(provinceOffsetMinutes('94')).toBe(540);
    expect(provinceOffsetMinutes(null)).toBe(420);
    // 16:30 UTC is 23:30 WIB but already the next day in WIT.
    const at = Date.parse('2025-03-31T16:30:00Z');
    expect(localToday('36', at)).toBe('2025-03-31');
    expect(localToday('94', at)).toBe('2025-04-01');
  });
});
