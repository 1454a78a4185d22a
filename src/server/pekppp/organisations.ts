// Who evaluates PEKPPP (issue 10 §1, reference.md §3.7): KemenPANRB (national coordinator), each
// province's Biro Organisasi (= the province's government body in the registry) and each
// kab/kota's Bagian Organisasi (= its government body). A PEKPPP cycle stores, per locus entry,
// its evaluating organisation (cycle_bodies.evaluator_body_id), defaulted by
// `defaultEvaluatorOrganisation` and checked by `mayEvaluate`; an evaluator account is scoped to
// one of these bodies and is assigned only to units whose locus entry names its body.

/** The registry code of KemenPANRB, the national coordinator of PEKPPP. */
export const KEMENPANRB_CODE = 'kemenpanrb';

const GOVERNMENT_TYPES = new Set(['provinsi', 'kabupaten', 'kota']);

export interface BodyLike {
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
 * May `organisation` evaluate the locus entry `locusBody`? KemenPANRB evaluates any locus; a
 * province's Biro Organisasi its own government and the kab/kota of its province; a kab/kota's
 * Bagian Organisasi its own government (the "mandiri" scheme, validated later by KemenPANRB).
 */
export function mayEvaluate(organisation: BodyLike, locusBody: BodyLike): boolean {
  if (organisation.code === KEMENPANRB_CODE) return true;
  if (organisation.id === locusBody.id) return GOVERNMENT_TYPES.has(organisation.type);
  return (
    organisation.type === 'provinsi' &&
    organisation.provinceCode !== null &&
    organisation.provinceCode === locusBody.provinceCode &&
    (locusBody.type === 'kabupaten' || locusBody.type === 'kota')
  );
}

/**
 * The evaluating organisation a locus entry gets when it joins a PEKPPP cycle (today's rule of
 * thumb, changeable per entry): a government evaluates its own units (its Biro/Bagian
 * Organisasi); a ministry, agency or other body is evaluated by KemenPANRB (null when the
 * registry has no KemenPANRB).
 */
export function defaultEvaluatorOrganisation<B extends BodyLike>(locusBody: B, kemenpanrb: B | undefined): B | undefined {
  return GOVERNMENT_TYPES.has(locusBody.type) ? locusBody : kemenpanrb;
}

/** The organisations that may evaluate `locusBody`: KemenPANRB, the government itself, its province's Biro. */
export function candidateOrganisations<B extends BodyLike>(locusBody: B, candidates: readonly B[]): B[] {
  return candidates.filter((c) => evaluatorBodyFits(c) && mayEvaluate(c, locusBody));
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
