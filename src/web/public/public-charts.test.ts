import { describe, expect, it } from 'vitest';
import { wrapLabel } from './public-charts.tsx';

describe('radar axis labels', () => {
  it('break long dimension names between words, keep short ones whole', () => {
    expect(wrapLabel('Kepercayaan Masyarakat')).toBe('Kepercayaan\nMasyarakat');
    expect(wrapLabel('Pengelolaan Pengaduan')).toBe('Pengelolaan\nPengaduan');
    expect(wrapLabel('Input')).toBe('Input');
    expect(wrapLabel('Kebijakan Pelayanan Publik', 20)).toBe('Kebijakan Pelayanan\nPublik');
  });
});
