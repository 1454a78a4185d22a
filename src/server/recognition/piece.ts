// Unit awards as the piagam renderer, the verification page and the wire see them (issue 18).
import type { Lang } from '../../core/types.ts';
import { zoneOf } from '../../shared/local-time.ts';
import type { Queryable } from '../db/client.ts';
import type { DateInput, PiagamInput } from '../reports/types.ts';
import { typeName } from '../reports/i18n.ts';
import { bandRef } from '../scores/breakdown.ts';
import { provinceNames, verifiedPublication } from '../awards/queries.ts';
import type { Verification } from '../../shared/wire/awards.ts';
import type { PublicationUnitAwards, UnitAward } from './unit-awards.ts';
import { verifyUnitCode } from './unit-awards.ts';

export const SIGNATORY = {
  id: { name: 'Ketua Ombudsman Republik Indonesia', title: 'Ombudsman Republik Indonesia' },
  en: { name: 'Chair of the Ombudsman of the Republic of Indonesia', title: 'Ombudsman of the Republic of Indonesia' },
};

export const sectorName = (sector: string, lang: Lang): string => typeName(sector, lang);

/** The piagam of one unit award. */
export function unitPiagamInput(
  a: UnitAward,
  awards: PublicationUnitAwards,
  provinces: Map<string, string>,
  lang: Lang,
  verifyUrl: string,
  issued: { at: DateInput; place: string },
): PiagamInput {
  const provinceName = a.body.provinceCode === null ? null : (provinces.get(a.body.provinceCode) ?? a.body.provinceCode);
  const award: PiagamInput['award'] =
    a.kind === 'top-band'
      ? { kind: 'kualitas-tertinggi' }
      : a.kind === 'top-sector'
        ? { kind: 'top-sector', rank: a.rank ?? 1, sectorName: sectorName(a.unit.sector, lang), provinceName: provinceName ?? '' }
        : {
            kind: 'most-improved',
            rank: a.rank ?? 1,
            ...(awards.snapshot.scope === 'national'
              ? {}
              : { provinceName: provinces.get(awards.snapshot.scope) ?? awards.snapshot.scope }),
            ...(a.delta === null ? {} : { delta: a.delta }),
          };
  return {
    language: lang,
    awardee: { name: a.unit.name, type: a.unit.sector, provinceName, of: a.body.name },
    award,
    cycle: {
      name: awards.snapshot.cycle.name,
      year: awards.snapshot.cycle.year,
      schemeId: awards.scheme.id,
      schemeTitle: awards.scheme.title,
    },
    score: a.unit.score,
    band: bandRef(awards.scheme, a.unit.bandCode),
    verification: { code: a.code, url: verifyUrl },
    signatory: SIGNATORY[lang],
    issuedAt: issued.at,
    issuedPlace: issued.place,
    zone: zoneOf(a.body.provinceCode),
  };
}

/** `/verify/:code` for a unit's award, or null when the code is no unit award. */
export async function unitVerification(tx: Queryable, key: Buffer, code: string, lang: Lang): Promise<Verification | null> {
  const found = await verifyUnitCode(tx, key, code);
  if (found === null) return null;
  const { award, publication: pub, awards } = found;
  const provinces = await provinceNames(tx);
  const provinceOf = (c: string | null) => (c === null ? null : (provinces.get(c) ?? null));
  const snap = awards.snapshot;
  const kind = award.kind === 'top-band' ? ('kualitas-tertinggi' as const) : award.kind;
  const awardProvince = award.kind === 'top-sector' ? award.body.provinceCode : snap.scope === 'national' ? null : snap.scope;
  return {
    valid: true as const,
    code: award.code,
    award: { kind, rank: award.rank, provinceCode: awardProvince, provinceName: provinceOf(awardProvince), delta: award.delta },
    body: {
      id: award.body.id,
      name: award.body.name,
      type: award.body.type,
      provinceCode: award.body.provinceCode,
      provinceName: provinceOf(award.body.provinceCode),
    },
    score: award.unit.score,
    band: bandRef(awards.scheme, award.unit.bandCode),
    ...(await verifiedPublication(tx, pub, awards, lang, provinceOf)),
    unit: { id: award.unit.id, name: award.unit.name, sector: award.unit.sector, sectorName: sectorName(award.unit.sector, lang) },
  };
}
