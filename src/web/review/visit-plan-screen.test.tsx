// Issue 13 §5, §6: the pimpinan's visit plans — the rule on screen, progress, the month calendar
// with the planned units per day, the list with each unit's state, and the team-lead queue.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { LeadQueue, VisitList } from '../../shared/wire/visits.ts';
import { renderWithProviders } from '../test/render.tsx';
import { VisitPlanView } from './visit-plan-screen.tsx';

const C = '00000000-0000-4000-8000-0000000000c1';
const person = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, name: `Asisten ${n}`, username: `asisten${n}` });
const unit = (n: number, state: 'visited' | 'planned' | 'missed') => ({
  unitId: `00000000-0000-4000-8000-0000000000a${n}`,
  name: `Disdukcapil ${n}`,
  bodyName: 'Kota Tangerang',
  status: 'pending' as const,
  state,
});
const visits: VisitList = {
  items: [
    {
      id: '00000000-0000-4000-8000-0000000000b1',
      cycleId: C,
      date: '2024-07-01',
      provinceCode: '36',
      assessor: person(1),
      team: [person(2)],
      units: [unit(1, 'visited'), unit(2, 'missed')],
      note: null,
      visited: 1,
    },
    {
      id: '00000000-0000-4000-8000-0000000000b2',
      cycleId: C,
      date: '2024-07-15',
      provinceCode: '36',
      assessor: person(2),
      team: [],
      units: [unit(3, 'planned')],
      note: 'Bawa surat tugas',
      visited: 0,
    },
  ],
  progress: { plans: 2, plannedUnits: 3, visited: 1, planned: 1, missed: 1 },
};
const queue: LeadQueue = {
  items: [
    {
      unitId: unit(4, 'planned').unitId,
      name: 'RSUD Kota',
      bodyName: 'Kota Tangerang',
      provinceCode: '36',
      status: 'submitted',
      assessor: person(1),
      since: '2024-07-02T03:00:00Z',
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('VisitPlanView', () => {
  it('states the rule, counts by state, marks the planned days and lists each unit with its state', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      const body = String(url).includes('/lead-queue') ? queue : visits;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    renderWithProviders(<VisitPlanView cycleId={C} />);
    expect((await screen.findByTestId('visit-rule')).textContent).toMatch(/diserahkan/);
    expect(screen.getByTestId('visit-stat-planned').textContent).toContain('3');
    expect(screen.getByTestId('visit-stat-visited').textContent).toContain('1');
    expect(screen.getByTestId('visit-stat-missed').textContent).toContain('1');
    // July 2024: the 1st and the 15th have visits, with visited/planned units.
    expect(screen.getByTestId('visit-day-1').textContent).toContain('1/2 unit');
    expect(screen.getByTestId('visit-day-15').textContent).toContain('0/1 unit');
    expect(screen.queryByTestId('visit-day-2')).toBeNull();
    const list = screen.getByTestId('visit-list');
    expect(within(list).getByText('Tim: Asisten 1, Asisten 2')).toBeTruthy();
    expect(within(list).getAllByText('Terlewat')).toHaveLength(1);
    expect(within(list).getByText('Bawa surat tugas')).toBeTruthy();
    expect((await screen.findByTestId('lead-queue')).textContent).toContain('RSUD Kota');
  });
});
