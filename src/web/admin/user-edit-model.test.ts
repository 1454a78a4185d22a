import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../shared/wire/users.ts';
import { editValuesOf, toUserPatch } from './user-edit-model.ts';

const asisten: UserRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'asisten.banten',
  name: 'Asisten Banten',
  role: 'asisten',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('toUserPatch', () => {
  it('sends nothing when nothing changed', () => {
    expect(toUserPatch(asisten, editValuesOf(asisten))).toEqual({});
  });

  it('sends the trimmed name and the status alone', () => {
    expect(toUserPatch(asisten, { ...editValuesOf(asisten), name: ' Asisten Baru ', active: false })).toEqual({
      name: 'Asisten Baru',
      active: false,
    });
  });

  it('sends the role with only its own scope field', () => {
    const v = { ...editValuesOf(asisten), role: 'koordinator' as const, bodyId: '00000000-0000-4000-8000-0000000000b1' };
    expect(toUserPatch(asisten, v)).toEqual({ role: 'koordinator', bodyId: '00000000-0000-4000-8000-0000000000b1' });
    expect(toUserPatch(asisten, { ...editValuesOf(asisten), role: 'admin' })).toEqual({ role: 'admin' });
  });

  it('sends a changed province with the unchanged role', () => {
    expect(toUserPatch(asisten, { ...editValuesOf(asisten), provinceCode: '31' })).toEqual({ role: 'asisten', provinceCode: '31' });
  });
});
