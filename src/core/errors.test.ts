import { describe, expect, it } from 'vitest';
import { CoreError, isCoreError } from './errors.ts';

describe('CoreError', () => {
  it('carries code, details and a message built from the details', () => {
    const e = new CoreError('answer.out_of_scale', {
      schemeId: 's',
      sheet: 4,
      instrument: 'pengguna',
      indicator: 'O1',
      value: 7,
      min: 0,
      max: 3,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CoreError');
    expect(e.code).toBe('answer.out_of_scale');
    expect(e.details.sheet).toBe(4);
    expect(e.message).toBe("sheets[4] (instrument 'pengguna'), indicator 'O1': answer 7 is outside the scale 0–3");
  });

  it('names the respondent when known', () => {
    const e = new CoreError('answer.not_integer', {
      schemeId: 's',
      sheet: 0,
      instrument: 'responden',
      indicator: 'U2',
      value: 2.5,
      respondent: 'responden 1',
    });
    expect(e.message).toContain('responden 1');
    expect(e.message).toContain('2.5 is not a whole number');
  });

  it('is recognised by isCoreError, plain errors are not', () => {
    expect(isCoreError(new CoreError('ikm.no_respondents', { schemeId: 'x' }))).toBe(true);
    expect(isCoreError(new Error('x'))).toBe(false);
    expect(isCoreError('x')).toBe(false);
  });
});
