import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/wire/enums.ts';
import { USERNAME_PATTERN as USERNAME_RE } from '../../shared/wire/limits.ts';
import { emptyUserForm, generatePassword, scopeFieldOf, toUserInput } from './user-model.ts';

describe('scopeFieldOf', () => {
  it.each([
    ['admin', null],
    ['pimpinan', 'provinceCode'],
    ['asisten', 'provinceCode'],
    ['koordinator', 'bodyId'],
    ['operator', 'unitId'],
    ['', null],
  ] as const)('%s → %s', (role, field) => {
    expect(scopeFieldOf(role)).toBe(field);
  });
});

describe('toUserInput', () => {
  const filled = {
    ...emptyUserForm(),
    username: '  Asisten.Banten2 ',
    name: ' Asisten Dua ',
    password: 'rahasia-panjang',
    provinceCode: '36',
    bodyId: 'b1',
    unitId: 'u1',
  };

  it('sends only the scope field of the role, with a normalised username and trimmed name', () => {
    expect(toUserInput({ ...filled, role: 'asisten' })).toEqual({
      username: 'asisten.banten2',
      name: 'Asisten Dua',
      password: 'rahasia-panjang',
      role: 'asisten',
      provinceCode: '36',
    });
    expect(toUserInput({ ...filled, role: 'koordinator' })).toMatchObject({ bodyId: 'b1' });
    expect(toUserInput({ ...filled, role: 'koordinator' })).not.toHaveProperty('provinceCode');
    expect(toUserInput({ ...filled, role: 'operator' })).toEqual(expect.objectContaining({ unitId: 'u1' }));
    const admin = toUserInput({ ...filled, role: 'admin' });
    expect(['provinceCode', 'bodyId', 'unitId'].filter((k) => k in admin)).toEqual([]);
  });

  it('covers every role', () => {
    for (const role of ROLES) expect(toUserInput({ ...filled, role }).role).toBe(role);
  });
});

describe('generatePassword', () => {
  it('gives 16 unambiguous characters that pass the username-independent length rule', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{16}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('honours another length', () => {
    expect(generatePassword(24)).toHaveLength(24);
  });
});

describe('USERNAME_RE', () => {
  it.each(['admin', 'asisten.banten', 'op_1-a'])('accepts %s', (u) => expect(USERNAME_RE.test(u)).toBe(true));
  it.each(['ab', '.admin', 'Admin', 'a b c', 'x'.repeat(41)])('rejects %s', (u) => expect(USERNAME_RE.test(u)).toBe(false));
});
