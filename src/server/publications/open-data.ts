// A stored publication snapshot as the open-data files see it (exports/open-data.ts renders it;
// the columns are documented in docs/open-data.md). Everything comes from the snapshot and the
// cycle's frozen scheme (labels, dimension titles and weights), never from live tables, so the
// files of a version never change.
import { rankUnitsBySector } from '../../core/index.ts';
import type { BodyType, RankInput, Scheme } from '../../core/types.ts';
import type { PublishedSnapshot, SnapshotGovernment, SnapshotUnit as OpenDataUnit } from '../exports/types.ts';
import { bandRef } from '../scores/breakdown.ts';
import { NATIONAL } from './visibility.ts';
import type { PublicationMeta, PublicationSnapshot } from '../../shared/wire/publications.ts';

const band = (scheme: Scheme, code: string) => {
  const b = bandRef(scheme, code);
  return b.zone === undefined ? { code: b.code, label: b.label } : { code: b.code, label: b.label, zone: b.zone };
};

export function toOpenData(
  meta: Pick<PublicationMeta, 'id' | 'version' | 'publishedAt' | 'reason'>,
  snapshot: PublicationSnapshot,
  scheme: Scheme,
): PublishedSnapshot {
  const bodyById = new Map(snapshot.bodies.map((b) => [b.id, b]));
  const governments: SnapshotGovernment[] = snapshot.bodies.map((b) => ({
    code: b.code,
    name: b.name,
    type: b.type as BodyType,
    provinceCode: b.provinceCode,
    score: b.score,
    band: band(scheme, b.bandCode),
    qualifiers: b.qualifiers.filter((q) => q.applies).map((q) => q.code),
    rankNationalType: b.ranks.nationalType ? { rank: b.ranks.nationalType.rank, of: b.ranks.nationalType.of } : null,
    rankProvince: b.ranks.province ? { rank: b.ranks.province.rank, of: b.ranks.province.of } : null,
    // Documented as the movement in the national per-type group: absent from a province publication.
    movement: b.ranks.nationalType?.movement ?? null,
    unitsAssessed: b.units,
  }));

  // Units ranked among the units of their sector in their province, over the snapshot's units.
  const rankRows: (RankInput & { unitId: string })[] = [];
  for (const u of snapshot.units) {
    const body = bodyById.get(u.bodyId);
    if (!body?.provinceCode) continue;
    rankRows.push({
      id: u.id,
      unitId: u.id,
      name: `${u.name} — ${body.name}`,
      type: body.type as BodyType,
      province: body.provinceCode,
      sector: u.sector,
      score: u.score,
    });
  }
  const sectorRank = new Map(rankUnitsBySector(rankRows).map((r) => [r.row.unitId, { rank: r.rank, of: r.of }]));
  const dims = new Map(scheme.dimensions.map((d) => [d.code, d]));
  const units: OpenDataUnit[] = snapshot.units.map((u) => ({
    id: u.id,
    bodyCode: bodyById.get(u.bodyId)?.code ?? '',
    name: u.name,
    sector: u.sector,
    score: u.score,
    band: band(scheme, u.bandCode),
    rankSectorProvince: sectorRank.get(u.id) ?? null,
    dimensions: (u.breakdown.dimensions ?? []).map((d) => {
      const def = dims.get(d[0]);
      return { code: d[0], title: def?.title ?? { id: d[0], en: d[0] }, weight: def?.weight ?? 0, score: d[1] };
    }),
  }));

  return {
    id: meta.id,
    version: meta.version,
    publishedAt: meta.publishedAt,
    scope: snapshot.scope === NATIONAL ? 'national' : `province:${snapshot.scope}`,
    cycle: {
      name: snapshot.cycle.name,
      year: snapshot.cycle.year,
      schemeId: snapshot.cycle.schemeId,
      schemeVersion: scheme.version,
      schemeHash: snapshot.cycle.schemeHash,
    },
    erratumReason: meta.reason,
    governments,
    units,
    assumptions: snapshot.assumptions.map((a) => ({ path: a.path, note: a.note })),
  };
}
