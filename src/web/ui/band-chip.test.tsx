import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { getScheme, library } from '../../../methodologies/index.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { BandChip, contrastRatio, textColorOn } from './band-chip.tsx';

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

const ombudsman = getScheme('ombudsman-2024')!;
const bandA = ombudsman.bands.find((b) => b.code === 'A')!;

describe('BandChip', () => {
  it('shows code and label in the UI language: "A · Kualitas Tertinggi"', async () => {
    renderWithProviders(<BandChip band={bandA} />);
    expect(screen.getByText('A · Kualitas Tertinggi')).toBeTruthy();
    await act(() => changeLanguage('en'));
    expect(screen.getByText(`A · ${bandA.label.en}`)).toBeTruthy();
  });

  it("is filled with the band's colour from the scheme", () => {
    renderWithProviders(<BandChip band={bandA} />);
    const chip = screen.getByText('A · Kualitas Tertinggi').closest('.band-chip') as HTMLElement;
    expect(chip.style.backgroundColor).toBe(rgb(bandA.color));
    expect(chip.style.color).toBe(rgb(textColorOn(bandA.color)));
  });

  it('picks white text on a dark band and black text on a light band', () => {
    expect(textColorOn('#1e6b34')).toBe('#ffffff');
    expect(textColorOn('#8ce99a')).toBe('#000000');
  });

  it('keeps every band colour of the library readable (WCAG AA, 4.5:1)', () => {
    for (const scheme of library.values()) {
      for (const band of scheme.bands) {
        expect(contrastRatio(band.color, textColorOn(band.color)), `${scheme.id} ${band.code}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
