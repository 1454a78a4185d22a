// Issue 16: a screen about a body, a cycle or a publication gives its dates in the body's zone
// (WITA for Bali, WIT for Papua), even for a reader signed in elsewhere (a national admin: WIB).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { ZoneContext, scopeProvince, useFormat } from '../lib/format.ts';
import { renderWithProviders } from '../test/render.tsx';
import { BodyZone } from './body-zone.tsx';
import { CycleZone } from './cycle-zone.tsx';

// 02:00 UTC: 09.00 WIB, 10.00 WITA, 11.00 WIT.
const AT = '2024-12-10T02:00:00.000Z';

function Shown() {
  return <span data-testid="shown">{useFormat().dateTime(AT)}</span>;
}

afterEach(() => vi.unstubAllGlobals());

describe('BodyZone', () => {
  it.each([
    ['51', '10 Desember 2024 10.00 WITA'],
    ['91', '10 Desember 2024 11.00 WIT'],
    ['36', '10 Desember 2024 09.00 WIB'],
  ])('shows a province %s body’s times in its zone to a reader in another zone', (provinceCode, text) => {
    renderWithProviders(
      // The reader: a signed-in user in Aceh (WIB) — or, for "36", one in Papua (WIT).
      <ZoneContext.Provider value={provinceCode === '36' ? 'Asia/Jayapura' : 'Asia/Jakarta'}>
        <BodyZone provinceCode={provinceCode}>
          <Shown />
        </BodyZone>
      </ZoneContext.Provider>,
    );
    expect(screen.getByTestId('shown').textContent).toBe(text);
  });

  it('keeps the reader’s zone for a national or K/L body (no province)', () => {
    renderWithProviders(
      <ZoneContext.Provider value="Asia/Makassar">
        <BodyZone provinceCode={null}>
          <Shown />
        </BodyZone>
      </ZoneContext.Provider>,
    );
    expect(screen.getByTestId('shown').textContent).toBe('10 Desember 2024 10.00 WITA');
    expect([scopeProvince('national'), scopeProvince('pusat'), scopeProvince('52')]).toEqual([null, null, '52']);
  });
});

describe('CycleZone', () => {
  it('gives a WIT province’s cycle its zone for a national admin', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        if (String(input).endsWith('/api/v1/cycles/c-papua'))
          return new Response(JSON.stringify({ id: 'c-papua', provinceCode: '94', name: 'Papua 2024' }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          });
        return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
      }),
    );
    renderWithProviders(
      <CycleZone cycleId="c-papua">
        <Shown />
      </CycleZone>,
    );
    expect(await screen.findByText('10 Desember 2024 11.00 WIT')).toBeTruthy();
  });
});
