// Issue 17: the province page's vertical offices by office type, and a ministry's units by province.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { BodyResult, VerticalOffices } from '../../shared/wire/scores.ts';
import { renderWithProviders } from '../test/render.tsx';
import { loadDetailStrings } from './detail-strings.ts';
import { UnitList, byProvince } from './unit-list.tsx';
import { VerticalOfficesPanel } from './vertical-offices-panel.tsx';

const band = { code: 'A', label: { id: 'Kualitas Tertinggi', en: 'Highest quality' }, color: '#1e6b34' };
const polri = {
  id: '00000000-0000-4000-8000-0000000000b1',
  code: 'polri',
  name: 'Kepolisian Negara Republik Indonesia',
  type: 'lembaga',
  provinceCode: null,
};
const atr = {
  id: '00000000-0000-4000-8000-0000000000b2',
  code: 'atrbpn',
  name: 'Kementerian ATR/BPN',
  type: 'kementerian',
  provinceCode: null,
};
const office = (
  id: string,
  name: string,
  sector: string,
  body: typeof polri,
  rank: number,
  of: number,
  regency: [string, string],
  score: number,
) => ({
  unit: { id, name, sector },
  body,
  place: { provinceCode: '36', regencyCode: regency[0], regencyName: regency[1] },
  score,
  band,
  complete: true,
  rank,
  of,
});
const OFFICES: VerticalOffices = {
  cycle: { id: 'c24', name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2023', status: 'final' },
  provinceCode: '36',
  hidden: 0,
  items: [
    office('u1', 'Polres Cilegon', 'kepolisian', polri, 1, 2, ['36.72', 'Kota Cilegon'], 88.5),
    office('u2', 'Polres Serang', 'kepolisian', polri, 2, 2, ['36.04', 'Kabupaten Serang'], 71.25),
    office('u3', 'Kantor Pertanahan Kabupaten Lebak', 'pertanahan', atr, 1, 1, ['36.02', 'Kabupaten Lebak'], 80),
  ],
};

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
beforeEach(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.includes('/vertical-offices')) return json(OFFICES);
    if (url.startsWith('/api/v1/provinces'))
      return json({
        items: [
          { code: '36', name: 'Banten', bodyId: '00000000-0000-4000-8000-000000000036' },
          { code: '32', name: 'Jawa Barat', bodyId: '00000000-0000-4000-8000-000000000032' },
        ],
        total: 2,
      });
    return json({});
  });
});
afterEach(() => vi.unstubAllGlobals());

async function renderRouted(ui: ReactNode) {
  await loadDetailStrings('government', 'id');
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

describe('the province page’s vertical offices (issue 17)', { timeout: 30_000 }, () => {
  it('lists them by office type with rank, kabupaten/kota, score and the ministry’s page', async () => {
    await renderRouted(<VerticalOfficesPanel cycleId="c24" provinceCode="36" />);
    expect(await screen.findByRole('heading', { name: 'Kantor vertikal di provinsi ini' })).toBeTruthy();
    const types = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(types).toEqual(['Kepolisian (2)', 'Pertanahan (1)']);
    const polres = screen.getAllByRole('table')[0]!;
    const rows = within(polres).getAllByRole('row').slice(1);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1 dari 2', 'Polres CilegonKota Cilegon · Kepolisian Negara Republik Indonesia', '88,50 A · Kualitas Tertinggi']);
    expect(within(rows[0]!).getByRole('link', { name: 'Kepolisian Negara Republik Indonesia' }).getAttribute('href')).toBe(
      `/governments/${polri.id}?cycle=c24`,
    );
  });
});

describe('a ministry’s units by province (issue 17)', { timeout: 30_000 }, () => {
  const unit = (id: string, name: string, place: BodyResult['units'][number]['place']) => ({
    id,
    name,
    sector: 'kepolisian',
    status: 'final',
    result: { score: 80, band, complete: true, dimensions: [] },
    place,
  });
  const units = [
    unit('u1', 'Polres Bogor', { provinceCode: '32', regencyCode: '32.01', regencyName: 'Kabupaten Bogor' }),
    unit('u2', 'Polres Serang', { provinceCode: '36', regencyCode: '36.04', regencyName: 'Kabupaten Serang' }),
    unit('u3', 'Polres Baru', null),
  ];

  it('groups by province name, units not located last', () => {
    const names: Record<string, string> = { '32': 'Jawa Barat', '36': 'Banten' };
    expect(byProvince(units, (c) => names[c]!).map((g) => [g.name, g.units.map((u) => u.name)])).toEqual([
      ['Banten', ['Polres Serang']],
      ['Jawa Barat', ['Polres Bogor']],
      [null, ['Polres Baru']],
    ]);
  });

  it('shows a ministry’s units under their provinces with their kabupaten/kota', async () => {
    const result = { cycle: OFFICES.cycle, body: polri, units } as unknown as BodyResult;
    await renderRouted(<UnitList result={result} />);
    expect(await screen.findByRole('heading', { name: 'Banten (1)' })).toBeTruthy();
    const banten = screen.getByRole('region', { name: 'Banten' });
    expect(within(banten).getByText('Polres Serang')).toBeTruthy();
    expect(within(banten).getByText('Kepolisian · Kabupaten Serang')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Belum berlokasi (1)' })).toBeTruthy();
  });

  it('shows placeholders while the province names load, never sections headed by their codes', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
    const result = { cycle: OFFICES.cycle, body: polri, units } as unknown as BodyResult;
    await renderRouted(<UnitList result={result} />);
    expect(await screen.findByTestId('units-province-pending')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '36 (1)' })).toBeNull();
    expect(screen.queryByRole('region', { name: '36' })).toBeNull();
  });
});
