/**
 * Cycle lists in component tests (the admin's cycles screen, the pemda's list): a cycle as
 * `GET /cycles` lists it, the API stubbed with a list of them, and a screen rendered in a router.
 */
import type { ReactNode } from 'react';
import { act } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { vi } from 'vitest';
import { renderWithProviders } from './render.tsx';

export const cycle = (over: Record<string, unknown>) => ({
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

/** Stubs fetch: `/cycles` answers one page of `items`, anything else an empty list; returns the URLs asked. */
export function mockApi(items: unknown[]): string[] {
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

export async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}
