// Issue 16: a government's internal pre-assessment is not an official cycle: the admin's list says so on the row.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, screen } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { CyclesScreen } from './cycles-screen.tsx';

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
  it('labels an internal pre-assessment in the admin’s list', async () => {
    mockApi([cycle({}), cycle({ id: '22222222-2222-4222-8222-222222222222', name: 'Pra-penilaian Lebak', kind: 'internal' })]);
    await renderRouted(<CyclesScreen />);
    const internal = await screen.findByText('Pra-penilaian Lebak');
    expect(internal.closest('tr')?.textContent).toContain('Pra-penilaian internal pemda — bukan siklus resmi');
    expect(screen.getByText('PPP Banten 2023').closest('tr')?.textContent).not.toContain('Pra-penilaian internal');
  });
});
