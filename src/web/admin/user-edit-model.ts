/**
 * The edit dialog's rules, pure for tests: the form's values from an account, and the PATCH body
 * with only what changed (the role's scope field is sent when the role or that field changed;
 * the server clears the old role's scope itself).
 */
import type { UserPatchIn, UserRecord } from '../../shared/wire/users.ts';
import { scopeFieldOf, type UserFormValues } from './user-model.ts';

export interface UserEditValues extends UserFormValues {
  active: boolean;
}

export function editValuesOf(u: UserRecord): UserEditValues {
  return {
    username: u.username,
    name: u.name,
    role: u.role,
    provinceCode: u.provinceCode ?? '',
    bodyId: u.bodyId ?? '',
    unitId: u.unitId ?? '',
    password: '',
    active: u.active,
  };
}

export function toUserPatch(before: UserRecord, v: UserEditValues): UserPatchIn {
  const patch: UserPatchIn = {};
  if (v.name.trim() !== before.name) patch.name = v.name.trim();
  if (v.active !== before.active) patch.active = v.active;
  if (!v.role) return patch;
  const field = scopeFieldOf(v.role);
  const roleChanged = v.role !== before.role;
  const scopeChanged = field !== null && v[field] !== (before[field] ?? '');
  if (roleChanged || scopeChanged) {
    patch.role = v.role;
    if (field) patch[field] = v[field] || null;
  }
  return patch;
}
