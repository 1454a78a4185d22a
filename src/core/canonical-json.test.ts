import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { library } from '../../methodologies/index.ts';

/** Rebuilds a JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts object keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: [true, null] }], c: 'x y' } })).toBe(
      '{"a":{"c":"x y","d":[{"y":[true,null],"z":1}]},"b":1}',
    );
  });

  it('sorts keys by UTF-16 code unit, independent of locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"Z":3,"a":4,"z":2,"é":1}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('writes strings and numbers exactly as JSON.stringify does', () => {
    // Keys already in sorted order, so only the writing of values is compared.
    const value = { n: [0.1, 1e21, -0, 88, 15.295], s: 'Kualitas "Tertinggi"\n≥ 88,00 — ok\u0000' };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('omits undefined object members like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('uses toJSON (e.g. Date)', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2024, 11, 4)) })).toBe('{"at":"2024-12-04T00:00:00.000Z"}');
  });

  it.each([
    ['NaN', { x: Number.NaN }, /\$\.x is NaN/],
    ['Infinity', [1, Number.POSITIVE_INFINITY], /\$\[1\] is Infinity/],
    ['a bigint', { n: 1n }, /\$\.n is bigint/],
    ['a function', { f: () => 1 }, /\$\.f is function/],
    ['undefined inside an array', [undefined], /\$\[0\] is undefined/],
    ['undefined at the top', undefined, /\$ is undefined/],
  ])('throws instead of writing a lossy value for %s', (_name, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('throws on a circular reference but accepts a shared (non-circular) one', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow(/\$\.self is a circular reference/);
  });

  it.each([...library.keys()])('gives %s the same text whatever its key order, and round-trips it', (id) => {
    const scheme = library.get(id);
    const text = canonicalJson(scheme);
    expect(canonicalJson(reverseKeys(scheme))).toBe(text);
    expect(JSON.parse(text)).toEqual(scheme);
    expect(text).not.toMatch(/\n/);
  });

  it('changes when any value of a scheme changes', () => {
    const scheme = structuredClone(library.get('ombudsman-2024'));
    const before = canonicalJson(scheme);
    if (!scheme) throw new Error('ombudsman-2024 missing');
    const band = scheme.bands[2];
    if (!band) throw new Error('band missing');
    band.min = 54.01;
    expect(canonicalJson(scheme)).not.toBe(before);
  });
});
