import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import type { Survey } from '../../shared/wire/surveys.ts';
import { renderWithProviders } from '../test/render.tsx';
import { SurveyTable } from './surveys-screen.tsx';

const base: Survey = {
  id: '5f0a3c1e-2b7d-4c8e-9f10-aa11bb22cc33',
  kind: 'skm',
  code: 'abc2345',
  unitId: '0b6b3f0e-8a51-4b8e-9a53-3f1f8d7c2a10',
  unitName: 'Disdukcapil',
  bodyId: '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  bodyName: 'Pemerintah Kota Tangerang',
  schemeId: 'skm-2017',
  instrument: 'skm',
  cycleId: null,
  periodKind: 'quarter',
  periodKey: '2026-Q4',
  periodFirstDay: '2026-10-01',
  periodLastDay: '2026-12-31',
  offsetMinutes: 420,
  services: ['KTP-el'],
  expectedUsers: 1000,
  targetSample: 278,
  opensAt: '2026-09-30T17:00:00.000Z',
  closesAt: '2026-12-31T16:59:00.000Z',
  accepted: 1234,
  flagged: 7,
  publishedAt: null,
  createdAt: '2026-09-20T03:00:00.000Z',
};

function renderTable(items: Survey[], showUnit: boolean) {
  const rootRoute = createRootRoute({
    component: () => <SurveyTable items={items} showUnit={showUnit} now={new Date('2026-11-15T03:00:00Z')} />,
  });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('SurveyTable', { timeout: 60_000 }, () => {
  it('lists each survey with its period in words, its state, accepted against the target and the flagged count', async () => {
    renderTable(
      [
        base,
        {
          ...base,
          id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          periodKind: 'month',
          periodKey: '2026-05',
          opensAt: '2026-04-30T17:00:00Z',
          closesAt: '2026-05-31T16:59:00Z',
          accepted: 80,
          flagged: 0,
          targetSample: 80,
          unitName: 'DPMPTSP',
        },
        {
          ...base,
          id: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          periodKind: 'year',
          periodKey: '2027',
          opensAt: '2026-12-31T17:00:00Z',
          closesAt: '2027-12-31T16:59:00Z',
          accepted: 0,
          flagged: 0,
        },
      ],
      true,
    );
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: 'Buka survei Triwulan IV 2026' }).getAttribute('href')).toBe(`/survei/${base.id}`);
    expect(rows[0]!.textContent).toContain('Dibuka');
    expect(rows[0]!.textContent).toContain('1.234 / 278');
    expect(rows[0]!.textContent).toContain('7');
    expect(rows[1]!.textContent).toContain('DPMPTSP');
    expect(rows[1]!.textContent).toContain('Mei 2026');
    expect(rows[1]!.textContent).toContain('Ditutup');
    expect(rows[2]!.textContent).toContain('Tahun 2027');
    expect(rows[2]!.textContent).toContain('Belum dibuka');
  });
});
