import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { RankingRow } from '../../shared/wire/scores.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { LeaderboardCards, LeaderboardTable } from './leaderboard-table.tsx';

const bandA = { code: 'A', label: { id: 'Kualitas Tertinggi', en: 'Highest quality' }, color: '#1e6b34' };
const bandC = { code: 'C', label: { id: 'Kualitas Sedang', en: 'Medium quality' }, color: '#f59f00' };
const rows: RankingRow[] = [
  {
    group: 'province:36',
    rank: 1,
    of: 2,
    previousRank: 3,
    movement: 2,
    body: { id: 'b1', code: '36.71', name: 'Kota Tangerang', type: 'kota', provinceCode: '36' },
    unit: null,
    score: 91.24,
    band: bandA,
    complete: true,
  },
  {
    group: 'province:36',
    rank: 2,
    of: 2,
    previousRank: null,
    movement: null,
    body: { id: 'b2', code: '36.02', name: 'Kabupaten Lebak', type: 'kabupaten', provinceCode: '36' },
    unit: null,
    score: 42.7,
    band: bandC,
    complete: true,
  },
];

/** The links need a router; a memory router whose only route renders the component. */
async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

describe('LeaderboardTable', () => {
  it('is an accessible table: caption, column headers, the government as the row header', async () => {
    await renderRouted(<LeaderboardTable cycleId="c24" caption="Peringkat kabupaten/kota di Banten" rows={rows} provinceNames={null} />);
    const table = screen.getByRole('table', { name: 'Peringkat kabupaten/kota di Banten' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Peringkat', 'Perubahan', 'Instansi', 'Nilai', 'Predikat']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Kota Tangerang', 'Kabupaten Lebak']);
  });

  it('shows rank, movement, score in id-ID and the band chip; movement is spoken as a sentence', async () => {
    await renderRouted(<LeaderboardTable cycleId="c24" caption="x" rows={rows} provinceNames={null} />);
    const [first, second] = screen.getAllByRole('row').slice(1);
    const cells = within(first!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[0]).toBe('1');
    expect(cells[1]).toBe('▲2Naik 2 peringkat (sebelumnya 3)');
    expect(cells[2]).toBe('91,24');
    expect(cells[3]).toBe('A · Kualitas Tertinggi');
    expect(within(second!).getAllByRole('cell')[1]!.textContent).toBe('baruBelum diperingkat pada penilaian sebelumnya');
  });

  it('links each government to its page for the same cycle', async () => {
    await renderRouted(<LeaderboardTable cycleId="c24" caption="x" rows={rows} provinceNames={null} />);
    expect(screen.getByRole('link', { name: 'Kota Tangerang' }).getAttribute('href')).toBe('/governments/b1?cycle=c24');
  });

  it('adds the province column in the national view', async () => {
    await renderRouted(<LeaderboardTable cycleId="c24" caption="x" rows={rows} provinceNames={new Map([['36', 'Banten']])} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Provinsi');
    expect(screen.getAllByText('Banten')).toHaveLength(2);
  });

  it('follows the UI language', async () => {
    await renderRouted(<LeaderboardTable cycleId="c24" caption="x" rows={rows} provinceNames={null} />);
    await act(() => changeLanguage('en'));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Rank', 'Change', 'Body', 'Score', 'Band']);
    expect(screen.getByText('91.24')).toBeTruthy();
    expect(screen.getByText('Up 2 places (previously 3)')).toBeTruthy();
  });
});

describe('LeaderboardCards', () => {
  it('lists the same rows as cards, in rank order, with short names', async () => {
    await renderRouted(<LeaderboardCards cycleId="c24" caption="Peringkat Banten" rows={rows} />);
    const list = screen.getByRole('list', { name: 'Peringkat Banten' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => within(i).getByRole('link').textContent)).toEqual(['Kota Tangerang', 'Kab. Lebak']);
    expect(items[1]!.textContent).toContain('42,70');
  });
});
