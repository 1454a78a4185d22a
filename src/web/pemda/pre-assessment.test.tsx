import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { InternalComparison } from '../../shared/wire/internal.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { PreAssessmentCompareScreen } from './pre-assessment-compare-screen.tsx';
import { PreAssessmentScreen } from './pre-assessment-screen.tsx';

const BODY = '22222222-2222-4222-8222-222222222222';
const CYCLE = '11111111-1111-4111-8111-111111111111';
const U1 = '33333333-3333-4333-8333-333333333333';
const U2 = '44444444-4444-4444-8444-444444444444';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function renderAt(path: string) {
  const rootRoute = createRootRoute();
  const routeTree = rootRoute.addChildren([
    createRoute({ getParentRoute: () => rootRoute, path: '/pemda/pra-penilaian', component: PreAssessmentScreen }),
    createRoute({ getParentRoute: () => rootRoute, path: '/pemda/pra-penilaian/$cycleId/$unitId', component: PreAssessmentCompareScreen }),
  ]);
  const router = createRouter({ routeTree, history: createMemoryHistory({ initialEntries: [path] }) });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

afterEach(() => vi.unstubAllGlobals());

describe('pre-assessment comparison', () => {
  it('shows each indicator’s internal level beside the last official one, with the difference and both scores', async () => {
    await i18n.loadNamespaces('pemda');
    const comparison: InternalComparison = {
      cycle: { id: CYCLE, name: 'Pra-penilaian internal 2024', year: 2024, schemeId: 'ombudsman-2024' },
      unit: { id: U1, name: 'Disdukcapil' },
      body: { id: BODY, name: 'Kota Tangerang' },
      internalScore: 88.66,
      official: {
        cycle: { id: '55555555-5555-4555-8555-555555555555', name: 'Penilaian 2023', year: 2023, schemeId: 'ombudsman-2023' },
        score: 91.4,
      },
      rows: [
        {
          indicator: 'K3',
          text: { id: 'Pengetahuan pelaksana', en: 'Staff knowledge' },
          dimension: { id: 'K', en: 'K' },
          internal: 3,
          official: 2.5,
          difference: 0.5,
          max: 3,
        },
        {
          indicator: 'S4',
          text: { id: 'Jaminan keamanan', en: 'Safety' },
          dimension: { id: 'S', en: 'S' },
          internal: 2,
          official: 3,
          difference: -1,
          max: 3,
        },
        {
          indicator: 'S9',
          text: { id: 'Belum diisi', en: 'Not filled' },
          dimension: { id: 'S', en: 'S' },
          internal: null,
          official: 2,
          difference: null,
          max: 3,
        },
      ],
    };
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        urls.push(String(input));
        return json(comparison);
      }),
    );
    await renderAt(`/pemda/pra-penilaian/${CYCLE}/${U1}`);
    expect(await screen.findByRole('heading', { name: 'Perbandingan: Disdukcapil' })).toBeTruthy();
    expect(urls).toContain(`/api/v1/cycles/${CYCLE}/units/${U1}/comparison`);
    expect(screen.getByText(/Pra-penilaian internal 2024 dibandingkan dengan hasil resmi Penilaian 2023/)).toBeTruthy();
    expect(screen.getByText('88,66')).toBeTruthy();
    expect(screen.getByText('91,40')).toBeTruthy();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent))).toEqual([
      ['3', '2,5', '+0,5'],
      ['2', '3', '-1'],
      ['—', '2', '—'],
    ]);
  });
});

describe('pre-assessment home', () => {
  it('offers the instruments by name (not their id) and creates an internal pre-assessment of the chosen units', async () => {
    await i18n.loadNamespaces(['pemda', 'ui']);
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        const url = String(input);
        const method = init.method ?? 'GET';
        if (method !== 'GET') {
          sent.push({ url, method, body: JSON.parse(String(init.body ?? 'null')) });
          return json({ id: CYCLE }, 201);
        }
        if (url.startsWith('/api/v1/auth/session'))
          return json({
            user: {
              id: 'k',
              username: 'koordinator.kotatng',
              name: 'Bagian Organisasi',
              role: 'koordinator',
              provinceCode: '36',
              bodyId: BODY,
              unitId: null,
              mustChangePassword: false,
            },
          });
        if (url.startsWith(`/api/v1/bodies/${BODY}/units`))
          return json({
            items: [
              { id: U1, bodyId: BODY, name: 'Disdukcapil', sector: 'adminduk', active: true },
              { id: U2, bodyId: BODY, name: 'DPMPTSP', sector: 'perizinan', active: true },
            ],
            total: 2,
            page: 1,
            pageSize: 200,
          });
        return json({ items: [], total: 0, page: 1, pageSize: 100 });
      }),
    );
    await renderAt('/pemda/pra-penilaian');
    expect(await screen.findByRole('heading', { name: 'Pra-penilaian internal' })).toBeTruthy();
    expect(screen.queryByText(/mandiri/)).toBeNull();
    const instrument = (await screen.findAllByLabelText('Instrumen (metodologi Ombudsman)')).find(
      (e) => e.tagName === 'INPUT',
    ) as HTMLInputElement;
    // The methodology library is a lazy chunk: slow under load.
    await waitFor(() => expect(instrument.value).toMatch(/^Penilaian Maladministrasi Penyelenggaraan Pelayanan Publik 2025/), {
      timeout: 15_000,
    });
    expect(instrument.value).not.toContain('ombudsman-');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'DPMPTSP' }));
    const section = screen.getByRole('region', { name: 'Pra-penilaian baru' });
    fireEvent.click(within(section).getByRole('button', { name: 'Buat pra-penilaian' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/internal-cycles',
      method: 'POST',
      body: { name: 'Pra-penilaian internal 2025', year: 2025, schemeId: 'ombudsman-2025', unitIds: [U2] },
    });
  });
});
