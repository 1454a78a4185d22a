// Issue 17 §4: the map's unit points — the offline projection and the drawing with its text list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { UnitPoints } from '../../shared/wire/scores.ts';
import { renderWithProviders } from '../test/render.tsx';
import { loadDetailStrings } from './detail-strings.ts';
import { fitProjection, labelAnchor, provinceCentres } from '../lib/geo/projection.ts';
import { UnitPointsMap } from './unit-points-map.tsx';

describe('the map projection (offline, from kabupaten/kota centres)', () => {
  it('has a centre for each of Banten’s 8 kabupaten/kota, Cilegon north-west of Lebak', () => {
    const banten = provinceCentres('36');
    expect(Object.keys(banten).sort()).toEqual(['36.01', '36.02', '36.03', '36.04', '36.71', '36.72', '36.73', '36.74']);
    const p = fitProjection(Object.values(banten), 400, 400);
    const [cx, cy] = p.at(banten['36.72']!);
    const [lx, ly] = p.at(banten['36.02']!);
    expect(cx).toBeLessThan(lx);
    expect(cy).toBeLessThan(ly);
  });

  it('fits every point inside the drawing, keeping one scale both ways', () => {
    const pts = [
      [-6.0, 106.0],
      [-7.0, 106.0],
      [-6.5, 106.8],
    ] as const;
    const p = fitProjection(pts, 360, 500, 20);
    for (const q of pts) {
      const [x, y] = p.at(q);
      expect(x).toBeGreaterThanOrEqual(19.99);
      expect(x).toBeLessThanOrEqual(340.01);
      expect(y).toBeGreaterThanOrEqual(19.99);
      expect(y).toBeLessThanOrEqual(p.height - 19.99);
    }
    // One degree of latitude is longer on screen than 0.8° of longitude at 6.5° S (cos ≈ 0.99).
    const dy = p.at(pts[1])[1] - p.at(pts[0])[1];
    const dx = p.at(pts[2])[0] - p.at(pts[0])[0];
    expect(dx / dy).toBeCloseTo(0.8 * Math.cos((6.5 * Math.PI) / 180), 2);
    // A click's pixel gives back the coordinates (the unit form's picker).
    const [x, y] = p.at([-6.5, 106.4]);
    const back = p.latLonAt(x, y);
    expect(back[0]).toBeCloseTo(-6.5, 6);
    expect(back[1]).toBeCloseTo(106.4, 6);
    // Labels near a side grow inwards.
    expect([labelAnchor(10, 360), labelAnchor(180, 360), labelAnchor(350, 360)]).toEqual(['start', 'middle', 'end']);
    // One point alone is drawn in the middle.
    const one = fitProjection([[-6, 106]], 300, 300);
    expect(one.at([-6, 106])[0]).toBe(150);
  });
});

const band = { code: 'A', label: { id: 'Kualitas Tertinggi', en: 'Highest quality' }, color: '#1e6b34' };
const polri = {
  id: '00000000-0000-4000-8000-0000000000b1',
  code: 'polri',
  name: 'Kepolisian Negara Republik Indonesia',
  type: 'lembaga',
  provinceCode: null,
};
const POINTS: UnitPoints = {
  cycle: { id: 'c24', name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2023', status: 'final' },
  provinceCode: '36',
  hidden: 0,
  items: [
    {
      unit: { id: '00000000-0000-4000-8000-0000000000u1', name: 'Polres Cilegon', sector: 'kepolisian' },
      body: polri,
      place: { provinceCode: '36', regencyCode: '36.72', regencyName: 'Kota Cilegon' },
      latitude: -6.0025,
      longitude: 106.0111,
      score: 88.5,
      band,
      complete: true,
    },
  ],
};

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
let served: UnitPoints = POINTS;
let asked = 0;
beforeEach(() => {
  served = POINTS;
  asked = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    if (!url.includes('/unit-points')) return json({});
    asked++;
    return json(served);
  });
});
afterEach(() => vi.unstubAllGlobals());

async function renderRouted(ui: ReactNode) {
  await loadDetailStrings('map', 'id');
  await loadDetailStrings('government', 'id');
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

const regencies = [
  { code: '36.72', name: 'Kota Cilegon' },
  { code: '36.02', name: 'Kabupaten Lebak' },
];

describe('units as points on the province drawing (issue 17 §4)', { timeout: 30_000 }, () => {
  it('draws each unit in its band colour over the kabupaten/kota marks, and lists it in text', async () => {
    await renderRouted(<UnitPointsMap cycleId="c24" provinceCode="36" regencies={regencies} />);
    expect(await screen.findByRole('heading', { name: 'Unit layanan di peta' })).toBeTruthy();
    const drawing = screen.getByRole('img', { name: /Peta unit layanan provinsi/ });
    const point = drawing.querySelector('circle.unit-point')!;
    expect(point.getAttribute('fill')).toBe('#1e6b34');
    expect(point.querySelector('title')!.textContent).toBe('Polres Cilegon · Kepolisian · 88,50 A');
    // Every Banten kabupaten/kota has its grey mark; the registry's names label them.
    expect(drawing.querySelectorAll('[data-regency]')).toHaveLength(8);
    expect(within(drawing).getByText('Kota Cilegon')).toBeTruthy();
    expect(within(drawing).getByText('Kab. Lebak')).toBeTruthy();
    const list = screen.getByRole('table', { name: 'Unit layanan di peta' });
    const row = within(list).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Polres Cilegon');
    expect(row.textContent).toContain('Kepolisian · Kota Cilegon');
    expect(within(row).getByRole('link', { name: polri.name }).getAttribute('href')).toBe(`/governments/${polri.id}?cycle=c24`);
  });

  it('shows nothing when no unit has coordinates and a published result', async () => {
    served = { ...POINTS, items: [] };
    await renderRouted(<UnitPointsMap cycleId="c24" provinceCode="36" regencies={regencies} />);
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(asked).toBe(1);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Unit layanan di peta' })).toBeNull();
  });
});
