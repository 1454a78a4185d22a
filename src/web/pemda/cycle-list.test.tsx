// Issue 16: the pemda's list of cycles is about official cycles (its internal pre-assessments have their own screen).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { i18n } from '../lib/i18n.ts';
import { cycle, mockApi, renderRouted } from '../test/cycle-list-fixture.tsx';
import { CycleList } from './cycle-list.tsx';

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
