/**
 * The name of a PEKPPP evaluating organisation as people say it (issue 10, reference.md §3.7):
 * the registry records a government as the evaluating body, but the work is its Biro Organisasi
 * (a province) or Bagian Organisasi (a kabupaten/kota); KemenPANRB and other bodies by name.
 */
import type { TFunction } from 'i18next';
import type { EvaluatorOrganisation } from '../../shared/wire/locus.ts';

export function organisationLabel(t: TFunction<'pekppp'>, organisation: Pick<EvaluatorOrganisation, 'name' | 'type'>): string {
  if (organisation.type === 'provinsi') return t('organisation.biro', { name: organisation.name });
  if (organisation.type === 'kabupaten' || organisation.type === 'kota') return t('organisation.bagian', { name: organisation.name });
  return organisation.name;
}
