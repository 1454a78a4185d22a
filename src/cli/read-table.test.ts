import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-locate.ts';
import { readCsv } from './read-table.ts';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": kota}', 6],
    ['[1, 2,]', 6],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": "x\ny"}', 8],
    ['[01]', 2],
    ['[1] x', 4],
    ['[tru]', 4],
    ['{"a": [1, 2', 11],
    ['"\\q"', 2],
  ])('finds the first bad character of %j at %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});

describe('readCsv', () => {
  const csv = (text: string) => readCsv({ name: 'x.csv', ext: 'csv', text });

  it('detects comma, semicolon and tab separators from the header', () => {
    expect(csv('a,b\n1,2\n').rows[0]!.cells).toEqual(['1', '2']);
    expect(csv('a;b\n1,5;2\n').rows[0]!.cells).toEqual(['1,5', '2']);
    expect(csv('a\tb\n1\t2\n').rows[0]!.cells).toEqual(['1', '2']);
  });

  it('keeps file row numbers across blank and separator-only lines and strips a BOM', () => {
    const table = csv('\uFEFFa,b\r\n1,2\r\n\r\n,\r\n3,4\r\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 5, cells: ['3', '4'] },
    ]);
  });
});
