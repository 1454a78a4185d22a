// The PEKPPP home's intro says what the signed-in evaluator does: KemenPANRB's evaluator, whose
// work in the demo is validating a mandiri cycle, is not told to verify F-01.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { User } from '../../shared/wire/auth.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { PekpppHomeScreen } from './pekppp-home-screen.tsx';

const KEMENPANRB = '00000000-0000-4000-8000-0000000000f1';
const CILEGON = '00000000-0000-4000-8000-0000000000f2';
const evaluator = (bodyId: string): User => ({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'evaluator',
  name: 'Evaluator',
  role: 'evaluator',
  provinceCode: null,
  bodyId,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
});
const cycle = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'PEKPPP 2023 Kota Cilegon (mandiri)',
  year: 2023,
  schemeId: 'pekppp-2023',
  family: 'pekppp',
  schemeHash: 'h',
  status: 'review',
  provinceCode: '36',
  source: 'computed',
  kind: 'official',
  ownerBodyId: null,
  createdAt: '2023-05-06T02:00:00Z',
  updatedAt: '2023-09-30T08:00:00Z',
  schemeTitle: { id: 'PEKPPP 2023', en: 'PEKPPP 2023' },
  terms: null,
  bodies: 1,
  units: 2,
  published: false,
  mandiri: {
    organiser: { id: CILEGON, name: 'Kota Cilegon', provinceCode: '36' },
    validator: { code: 'kemenpanrb', name: 'KemenPANRB' },
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    reason: null,
  },
};
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function stub(me: User) {
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === '/api/v1/auth/session') return json({ user: me });
    if (url.includes('/pekppp/units')) return json({ items: [] });
    if (url.startsWith('/api/v1/cycles')) return json({ items: [cycle], page: 1, pageSize: 100, total: 1 });
    return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('PekpppHomeScreen intro', () => {
  it("tells KemenPANRB's evaluator to validate the mandiri cycle, not to verify F-01", async () => {
    await i18n.loadNamespaces('pekppp');
    stub(evaluator(KEMENPANRB));
    renderWithProviders(<PekpppHomeScreen />);
    await screen.findByTestId('mandiri-validation');
    const intro = screen.getByTestId('pekppp-intro').textContent ?? '';
    expect(intro).toMatch(/^Validasi siklus PEKPPP mandiri/);
    expect(intro).not.toMatch(/Verifikasi F-01/);
  });

  it("tells the organiser's own evaluator, with no unit and nothing to validate, that it verifies F-01", async () => {
    await i18n.loadNamespaces('pekppp');
    stub(evaluator(CILEGON));
    renderWithProviders(<PekpppHomeScreen />);
    await screen.findByText(/Belum ada unit|No unit/);
    await waitFor(() => expect(screen.getByTestId('pekppp-intro').textContent).toMatch(/^Verifikasi F-01/));
    expect(screen.queryByTestId('mandiri-validation')).toBeNull();
  });
});
