import { describe, expect, it } from 'vitest';
import { CycleIn } from '../../shared/wire/cycles.ts';
import { UnitIn } from '../../shared/wire/registry.ts';
import { UserIn, UserPatchIn } from '../../shared/wire/users.ts';
import { boundsOf, fieldProblems } from './form-schema.ts';

describe('fieldProblems', () => {
  it('names one problem per field of a wire request, as the server would refuse it', () => {
    expect(fieldProblems(CycleIn, { name: '  ', year: 1999, schemeId: '' })).toEqual({
      name: 'required',
      year: 'too_small',
      schemeId: 'required',
    });
    expect(fieldProblems(CycleIn, { name: 'ab', year: 2101, schemeId: 'ombudsman-2024' })).toEqual({ name: 'too_short', year: 'too_big' });
    expect(fieldProblems(UnitIn, { name: 'x'.repeat(201), sector: 'pasar' })).toEqual({ name: 'too_long', sector: 'invalid' });
    expect(fieldProblems(UserIn, { username: 'Ab', name: 'Budi', password: 'rahasia-panjang', role: 'asisten' })).toEqual({
      username: 'format',
    });
  });

  it('finds nothing in a request the server accepts (trimming counts, as on the server)', () => {
    expect(fieldProblems(CycleIn, { name: '  Penilaian 2025 ', year: 2025, schemeId: 'ombudsman-2025' })).toEqual({});
    expect(fieldProblems(UnitIn, { name: ' Disdukcapil ', sector: 'adminduk' })).toEqual({});
  });
});

describe('boundsOf', () => {
  it("reads a string's length and a number's range from the schema (through optional fields)", () => {
    expect(boundsOf(CycleIn.shape.name)).toEqual({ min: 3, max: 200 });
    expect(boundsOf(CycleIn.shape.year)).toEqual({ min: 2000, max: 2100 });
    expect(boundsOf(UserIn.shape.name)).toEqual({ min: 2, max: 120 });
    expect(boundsOf(UserPatchIn.shape.name)).toEqual({ min: 2, max: 120 });
  });
});
