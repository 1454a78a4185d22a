// Who evaluates PEKPPP (issue 10 §1, reference.md §3.7): KemenPANRB (national coordinator), each
// province's Biro Organisasi (= the province's government body in the registry) and each
// kab/kota's Bagian Organisasi (= its government body). An evaluator account is scoped to one of
// these bodies and assigned to units of a PEKPPP cycle.

/** The registry code of KemenPANRB, the national coordinator of PEKPPP. */
export const KEMENPANRB_CODE = 'kemenpanrb';

const GOVERNMENT_TYPES = new Set(['provinsi', 'kabupaten', 'kota']);

interface BodyLike {
  id: string;
  code: string;
  type: string;
  provinceCode: string | null;
}

/** May an evaluator account work for this body (KemenPANRB or a regional government)? */
export function evaluatorBodyFits(body: Pick<BodyLike, 'code' | 'type'>): boolean {
  return body.code === KEMENPANRB_CODE || GOVERNMENT_TYPES.has(body.type);
}

/**
 * May an evaluator of `evaluatorBody` evaluate a unit of `unitBody`? KemenPANRB evaluates any
 * locus; a province's Biro Organisasi its own units and its kab/kota's; a kab/kota's Bagian
 * Organisasi its own units (the "mandiri" scheme, validated later by KemenPANRB).
 */
export function evaluatorCovers(evaluatorBody: BodyLike, unitBody: BodyLike): boolean {
  if (evaluatorBody.code === KEMENPANRB_CODE) return true;
  if (evaluatorBody.id === unitBody.id) return GOVERNMENT_TYPES.has(evaluatorBody.type);
  return evaluatorBody.type === 'provinsi' && evaluatorBody.provinceCode !== null && evaluatorBody.provinceCode === unitBody.provinceCode;
}

/** Provinces in WITA (UTC+8) and WIT (UTC+9); every other province is WIB (UTC+7). */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/** The UTC offset in minutes of a body's province (no province: Jakarta, WIB). */
export function offsetOfProvince(provinceCode: string | null): number {
  if (provinceCode !== null && WIT.has(provinceCode)) return 540;
  if (provinceCode !== null && WITA.has(provinceCode)) return 480;
  return 420;
}
