import type { Role } from '../../shared/wire/auth.ts';
import type { UserIn } from '../../shared/wire/users.ts';
/**
 * The account form's rules, kept pure for tests: which scope a role carries (pimpinan and
 * asisten a province, koordinator a body, operator a unit, admin none), the request built from
 * the form, and a generated initial password. The server re-checks every rule.
 */

export type ScopeField = 'provinceCode' | 'bodyId' | 'unitId';

export function scopeFieldOf(role: Role | ''): ScopeField | null {
  switch (role) {
    case 'pimpinan':
    case 'asisten':
      return 'provinceCode';
    case 'koordinator':
    case 'evaluator': // issue 10: KemenPANRB or a government (its Biro/Bagian Organisasi)
    case 'penilai': // issue 12 §4: the government whose internal pre-assessments it fills
      return 'bodyId';
    case 'operator':
      return 'unitId';
    default:
      return null;
  }
}

export interface UserFormValues {
  username: string;
  name: string;
  role: Role | '';
  provinceCode: string;
  bodyId: string;
  unitId: string;
  password: string;
}

export const emptyUserForm = (): UserFormValues => ({
  username: '',
  name: '',
  role: '',
  provinceCode: '',
  bodyId: '',
  unitId: '',
  password: '',
});

export const normaliseUsername = (v: string): string => v.trim().toLowerCase();

/** `POST /users` body: only the scope field of the role is sent. */
export function toUserInput(v: UserFormValues): UserIn {
  if (!v.role) throw new Error('role missing');
  const input: UserIn = { username: normaliseUsername(v.username), name: v.name.trim(), password: v.password, role: v.role };
  const field = scopeFieldOf(v.role);
  if (field) input[field] = v[field];
  return input;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** 16 characters from an unambiguous alphabet (no 0/O, 1/l/I), from the browser's CSPRNG. */
export function generatePassword(length = 16): string {
  const bytes = new Uint8Array(length);
  // 256 is not a multiple of 56: redraw bytes that would bias the first letters.
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) if (b < limit && out.length < length) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}
