// The printed name of an award, in the UI language.
import type { TFunction } from 'i18next';
import type { VerifiedAwardKind } from '../../shared/wire/awards.ts';

export function awardName(
  t: TFunction,
  a: { kind: VerifiedAwardKind; rank: number | null; provinceName: string | null },
  sectorName?: string,
): string {
  if (a.kind === 'top-sector')
    return t('award.top-sector', { rank: a.rank ?? 1, sector: sectorName ?? '', province: a.provinceName ?? '' });
  if (a.kind === 'kualitas-tertinggi') return t('award.kualitas-tertinggi');
  if (a.kind === 'top-province') return t('award.top-province', { rank: a.rank ?? 1, province: a.provinceName ?? '' });
  return a.provinceName
    ? t('award.most-improved.where', { rank: a.rank ?? 1, province: a.provinceName })
    : t('award.most-improved', { rank: a.rank ?? 1 });
}
