import { describe, expect, it } from 'vitest';
import { parseScheme } from '../parse-scheme.ts';
import { fixtures } from './fixtures.ts';

describe('test fixtures', () => {
  it.each(Object.entries(fixtures))('%s is a valid library file', (_, scheme) => {
    const parsed = parseScheme(JSON.parse(JSON.stringify(scheme)));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });
});
