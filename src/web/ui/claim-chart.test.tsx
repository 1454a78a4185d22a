import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createFormatter } from '../lib/format.ts';
import { renderWithProviders } from '../test/render.tsx';
import { ClaimChart, signedDifference } from './claim-chart.tsx';

const labels = {
  title: 'Penilaian mandiri dibanding verifikasi',
  note: 'catatan',
  claimed: 'Klaim (F-01)',
  verified: 'Verifikasi (F-02)',
  difference: 'Selisih',
  chart: 'Grafik batang',
};

describe('signedDifference', () => {
  const score = createFormatter('id').score;
  it('signs claimed − verified at two decimals', () => {
    expect(signedDifference(4.14, 3.66, score)).toBe('+0,48');
    expect(signedDifference(3.1, 3.3, score)).toBe('−0,20');
    expect(signedDifference(4, 4.000000001, score)).toBe('0,00');
  });
});

describe('ClaimChart', () => {
  it('lists every aspect claimed, verified and the difference, with a text alternative for the chart', () => {
    renderWithProviders(
      <ClaimChart
        dimension="Aspek"
        max={5}
        labels={labels}
        aspects={[
          { code: 'kebijakan', title: 'Kebijakan Pelayanan', claimed: 4.14, verified: 3.66 },
          { code: 'inovasi', title: 'Inovasi', claimed: 3, verified: 3.5 },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: labels.title })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Aspek' })).toBeTruthy();
    const row = screen.getByRole('row', { name: /Kebijakan Pelayanan/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4,14', '3,66', '+0,48']);
    expect(screen.getAllByTestId('claim-difference').map((c) => c.textContent)).toEqual(['+0,48', '−0,50']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Grafik batang: Kebijakan Pelayanan 4,14 / 3,66; Inovasi 3,00 / 3,50');
  });

  it('shows nothing without aspects', () => {
    const { container } = renderWithProviders(<ClaimChart dimension="Aspek" max={5} labels={labels} aspects={[]} />);
    expect(container.querySelector('[data-testid="claim-chart"]')).toBeNull();
  });
});
