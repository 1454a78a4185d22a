// Issue 16: the pemda's list of cycles is about official cycles (its internal pre-assessments have their own screen).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { CycleList } from './cycle-list.tsx';

const cycle = (over: Record<string, unknown>) => ({
  id: '11111111-1111-4111-8111-111111111111',
  name: 'PPP Banten 2023',
  year: 2023,
  schemeId: 'pantau-ppp-2024',
  family: 'ppp',
  schemeHash: 'h',
  status: 'final',
  provinceCode: '36',
  source: 'assessed',
  kind: 'official',
  ownerBodyId: null,
  createdAt: '2023-01-01T00:00:00Z',
  updatedAt: '2023-01-01T00:00:00Z',
  schemeTitle: { id: 'Skema', en: 'Scheme' },
  terms: null,
  bodies: 2,
  units: 4,
  published: true,
  mandiri: null,
  ...over,
});

function mockApi(items: unknown[]): string[] {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      urls.push(String(input));
      const json = String(input).includes('/cycles') ? { items, total: items.length, page: 1, pageSize: 100 } : { items: [] };
      return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return urls;
}

async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

beforeAll(() => i18n.loadNamespaces(['admin', 'pemda']));
afterEach(() => vi.unstubAllGlobals());

describe('cycle lists and internal pre-assessments', () => {
  it('asks for official cycles only in the pemda’s list', async () => {
    const urls = mockApi([cycle({})]);
    await renderRouted(<CycleList bodyId={null} target="pemda" />);
    await screen.findByText('PPP Banten 2023');
    const asked = urls.filter((u) => u.includes('/cycles'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((u) => u.includes('kind=official'))).toBe(true);
  });

  it('leaves out another government’s PEKPPP cycle (mandiri, or final without a result of ours)', async () => {
    const organiser = (id: string, name: string) => ({ organiser: { id, name, provinceCode: '36' } });
    mockApi([
      cycle({
        id: '33333333-3333-4333-8333-333333333333',
        name: 'PEKPPP 2024 Kota Cilegon',
        family: 'pekppp',
        mandiri: organiser('b-cilegon', 'Kota Cilegon'),
      }),
      cycle({
        id: '44444444-4444-4444-8444-444444444444',
        name: 'PEKPPP 2024 Kota Tangerang',
        family: 'pekppp',
        mandiri: organiser('b-tng', 'Kota Tangerang'),
      }),
      cycle({ id: '55555555-5555-4555-8555-555555555555', name: 'PEKPPP 2024 Kota Serang', family: 'pekppp', status: 'final' }),
    ]);
    await renderRouted(<CycleList bodyId="b-tng" target="pemda" />);
    await screen.findByText('PEKPPP 2024 Kota Tangerang');
    expect(screen.queryByText('PEKPPP 2024 Kota Cilegon')).toBeNull();
    await waitFor(() => expect(screen.queryByText('PEKPPP 2024 Kota Serang')).toBeNull());
  });
});
