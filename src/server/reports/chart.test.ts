import { describe, expect, it } from 'vitest';
import { renderDimensionChart, stripLabelHalo } from './chart.ts';

const dims = [
  { label: 'Input (21,85%)', score: 34.6, max: 100 },
  { label: 'Proses (32,37%)', score: 33.125, max: 100 },
  { label: 'Output (24,24%)', score: 100, max: 100 },
  { label: 'Pengaduan (21,54%)', score: 0, max: 100 },
];

describe('renderDimensionChart', () => {
  it('draws a bar per dimension with its score against the maximum, in the language format', () => {
    const svg = renderDimensionChart(dims, { variant: 'bar', lang: 'id', width: 515, height: 134 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="515"');
    for (const d of dims) expect(svg).toContain(`>${d.label}</text>`);
    expect(svg).toContain('>34,60 / 100</text>');
    expect(svg).toContain('>33,13 / 100</text>'); // decimal-exact half away from zero
    expect(svg).toContain('>100,00 / 100</text>');
    expect(svg).toContain('>0,00 / 100</text>');
    // The open remainder is hatched (a pattern), so it reads apart from the score in greyscale.
    expect(svg).toContain('<pattern');
    expect(renderDimensionChart(dims, { variant: 'bar', lang: 'en', width: 515, height: 134 })).toContain('>34.60 / 100</text>');
  });

  it('draws a radar whose axes carry the names and values', () => {
    const svg = renderDimensionChart(dims, { variant: 'radar', lang: 'id', width: 260, height: 200 });
    expect(svg).toContain('Input');
    expect(svg).toContain('34,60');
    expect(svg).toContain('<path');
  });

  it('never leaves the white label halo that svg-to-pdfkit would paint over the text', () => {
    for (const variant of ['bar', 'radar'] as const) {
      expect(renderDimensionChart(dims, { variant, lang: 'id', width: 400, height: 200 })).not.toContain('paint-order');
    }
    expect(stripLabelHalo('<text stroke="#fff" stroke-width="2" paint-order="stroke" fill="#000">x</text>')).toBe(
      '<text fill="#000">x</text>',
    );
  });

  it('is deterministic (same SVG for the same data) and rejects an empty chart', () => {
    const a = renderDimensionChart(dims, { variant: 'bar', lang: 'id', width: 515, height: 134 });
    expect(renderDimensionChart(dims, { variant: 'bar', lang: 'id', width: 515, height: 134 })).toBe(a);
    expect(() => renderDimensionChart([], { variant: 'bar', lang: 'id', width: 515, height: 134 })).toThrow(RangeError);
  });
});
