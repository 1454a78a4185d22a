// issue 13 §6: the team lead's queue is in the menu of an asisten the pimpinan named a team lead, not every asisten's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { User } from '../../shared/wire/auth.ts';
import { renderWithProviders } from '../test/render.tsx';
import { SignedInNav } from './signed-in-nav.tsx';

const asisten = (leadsTeam?: boolean): User => ({
  id: '00000000-0000-4000-8000-000000000003',
  username: 'asisten.banten',
  name: 'Asisten Perwakilan Banten',
  role: 'asisten',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
  ...(leadsTeam === undefined ? {} : { leadsTeam }),
});

async function renderNav(user: User) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <SignedInNav user={user} /> }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  const view = renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
  await screen.findByText('Penugasan saya');
  return view;
}

afterEach(() => vi.unstubAllGlobals());

describe('SignedInNav', () => {
  it("offers 'Antrean ketua tim' to an asisten who leads a team", async () => {
    await renderNav(asisten(true));
    expect(screen.getByRole('link', { name: 'Antrean ketua tim' }).getAttribute('href')).toBe('/tim');
  });

  it('leaves it out for an asisten who leads no team (or a server that does not say)', async () => {
    const view = await renderNav(asisten(false));
    expect(screen.queryByRole('link', { name: 'Antrean ketua tim' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Sanggahan klarifikasi' })).toBeTruthy();
    view.unmount();
    await renderNav(asisten());
    expect(screen.queryByRole('link', { name: 'Antrean ketua tim' })).toBeNull();
  });
});
