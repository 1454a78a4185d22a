import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { changeLanguage } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { ImprovementList, sortImprovements, type ImprovementItem } from './improvement-list.tsx';

const item = (indicator: string, unitGain: number, governmentGain: number, over: Partial<ImprovementItem> = {}): ImprovementItem => ({
  indicator,
  ref: `ombudsman-2024/x/y/${indicator}`,
  text: { id: `Teks ${indicator}`, en: `Text ${indicator}` },
  dimension: 'pengaduan',
  from: 2,
  to: 3,
  descriptor: { id: `Deskriptor tingkat 3 ${indicator}`, en: `Level 3 descriptor ${indicator}` },
  unitGain,
  governmentGain,
  ...over,
});

describe('sortImprovements', () => {
  it('orders by the chosen gain, largest first, keeping ties in their given order', () => {
    const items = [item('A', 1, 0.1), item('B', 0.5, 0.3), item('C', 2, 0.1), item('D', 0.2, 0.3)];
    expect(sortImprovements(items, 'governmentGain').map((i) => i.indicator)).toEqual(['B', 'D', 'A', 'C']);
    expect(sortImprovements(items, 'unitGain').map((i) => i.indicator)).toEqual(['C', 'A', 'B', 'D']);
  });
});

describe('ImprovementList', () => {
  const items = [
    item('PG3', 1.1966666, 0.1709523, { unit: { id: 'u2', name: 'Dinas Pendidikan' } }),
    item('PG2', 1.1966666, 0.2, { from: null, unit: { id: 'u1', name: 'Dinas Kesehatan' } }),
  ];

  it('shows the largest government gain first with both gains in points and the target descriptor', () => {
    renderWithProviders(
      <ImprovementList items={items} orderBy="governmentGain" dimensions={new Map([['pengaduan', 'Pengelolaan Pengaduan']])} />,
    );
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-indicator'))).toEqual(['PG2', 'PG3']);
    const first = rows[0]!.textContent!;
    expect(first).toContain('PG2 · Teks PG2');
    expect(first).toContain('Dinas Kesehatan · Pengelolaan Pengaduan');
    expect(first).toContain('Tingkat belum dijawab → 3');
    expect(first).toContain('Nilai unit: +1,20 poin');
    expect(first).toContain('Nilai pemda: +0,20 poin');
    expect(first).toContain('Tingkat 3: Deskriptor tingkat 3 PG2');
    expect(rows[1]!.textContent).toContain('Tingkat 2 → 3');
    expect(rows[1]!.textContent).toContain('Nilai pemda: +0,17 poin');
  });

  it('speaks English with English number formatting', async () => {
    renderWithProviders(<ImprovementList items={items} orderBy="unitGain" />);
    await act(() => changeLanguage('en'));
    const first = within(screen.getByRole('list')).getAllByRole('listitem')[0]!.textContent!;
    expect(first).toContain('Text PG3');
    expect(first).toContain('Unit score: +1.20 points');
    expect(first).toContain('Level 3: Level 3 descriptor PG3');
  });
});
