/**
 * The governments of a published snapshot: one table (per body type for the nation), ordered by
 * rank, with score, band, provincial and national rank with movement. Each government's button
 * opens a row below it with its units, its previous published score and its change log (answers
 * changed after review, before this version). On phones the rank columns move into that row.
 */
import { useState } from 'react';
import { Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BandRef, Scheme } from '../../core/types.ts';
import { api } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import { RankMovement } from '../public/rank-movement.tsx';
import { BandChip } from '../ui/band-chip.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import type { PublicationSnapshot, SnapshotBody, SnapshotRank, SnapshotUnit } from './publish-types.ts';

const TYPE_ORDER = ['provinsi', 'kabupaten', 'kota', 'kementerian', 'lembaga'];

/** Indicator texts of the cycle's frozen scheme, fetched only when a change log is opened. */
const indicatorTextsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: ['publish', 'indicator-texts', cycleId],
    queryFn: () => api.get<{ scheme: Scheme }>(`/cycles/${cycleId}/scheme`),
    select: ({ scheme }) =>
      new Map(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i.text] as const)))),
    staleTime: Infinity,
  });

function Rank({ place }: { place: SnapshotRank | null }) {
  const { t } = useTranslation('publish');
  if (!place) return <span aria-label={t('table.not_ranked')}>—</span>;
  return (
    <span className="pub-rank">
      {t('table.rank_of', { rank: place.rank, of: place.of })} <RankMovement place={place} />
    </span>
  );
}

function ChangeLog({ body, units, cycleId }: { body: SnapshotBody; units: Map<string, SnapshotUnit>; cycleId: string }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const texts = useQuery({ ...indicatorTextsQueryOptions(cycleId), enabled: body.changes.length > 0 });
  const value = (v: number | null) => (v === null ? '—' : format.decimal(v));
  const score = (v: number | null) => (v === null ? '—' : format.score(v));
  return (
    <div>
      <h4 className="heading-5">{t('changes.title')}</h4>
      {body.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('changes.none')}
        </Text>
      ) : (
        <ol className="pub-changes" data-testid="change-log">
          {body.changes.map((c) => {
            const text = texts.data?.get(c.indicator);
            return (
              <li key={`${c.unitId}-${c.indicator}-${c.changedAt}`}>
                <Text size="sm" fw={600} span>
                  {units.get(c.unitId)?.name ?? c.unitId} · {c.indicator}
                  {text ? ` ${text[format.lang]}` : ''}
                </Text>
                <Text size="sm">
                  {t('changes.values', {
                    before: value(c.before.value),
                    after: value(c.after.value),
                    scoreBefore: score(c.before.unitScore),
                    scoreAfter: score(c.after.unitScore),
                  })}
                </Text>
                <Text size="sm">
                  {t(`changes.source.${c.source}`, { defaultValue: c.source })} · {format.date(c.changedAt)} — {c.reason}
                </Text>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function BodyDetail({
  body,
  units,
  allUnits,
  bands,
  cycleId,
  columns,
}: {
  body: SnapshotBody;
  columns: Columns;
  units: SnapshotUnit[];
  allUnits: Map<string, SnapshotUnit>;
  bands: Map<string, BandRef>;
  cycleId: string;
}) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const previousBand = body.previous ? bands.get(body.previous.bandCode) : undefined;
  return (
    <div className="pub-detail">
      <div className="pub-narrow-only">
        {columns.province && (
          <Text size="sm">
            {t('table.province_rank')}: <Rank place={body.ranks.province} />
          </Text>
        )}
        {columns.national && (
          <Text size="sm">
            {t('table.national_rank')}: <Rank place={body.ranks.nationalType} />
          </Text>
        )}
      </div>
      {body.previous && (
        <Text size="sm">
          {t('detail.previous', { year: body.previous.year, score: format.score(body.previous.score) })}{' '}
          {previousBand && <BandChip band={previousBand} size="xs" />}
        </Text>
      )}
      <div>
        <h4 className="heading-5">{t('detail.units', { count: units.length })}</h4>
        {units.length === 0 ? (
          <Text size="sm" c="dimmed">
            {body.source === 'imported' ? t('detail.imported') : t('detail.no_units')}
          </Text>
        ) : (
          <ul className="pub-units">
            {units.map((u) => {
              const band = bands.get(u.bandCode);
              return (
                <li key={u.id} data-unit-id={u.id}>
                  <span className="pub-unit-name">
                    <Text span size="sm" fw={600}>
                      {u.name}
                    </Text>{' '}
                    <Text span size="xs" c="dimmed">
                      {t(`sectors.${u.sector}`, { defaultValue: u.sector })}
                    </Text>
                  </span>
                  <ScoreValue value={u.score} size="sm" fw={600} incomplete={!u.complete} />
                  {band && <BandChip band={band} size="sm" />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <ChangeLog body={body} units={allUnits} cycleId={cycleId} />
    </div>
  );
}

/** Order of the rows: by rank; the provincial government (no provincial rank) heads its province. */
function rankKey(body: SnapshotBody, scope: string): number {
  const place = scope === 'national' ? body.ranks.nationalType : (body.ranks.province ?? body.ranks.nationalType);
  if (place) return place.rank;
  return body.type === 'provinsi' && scope !== 'national' ? 0 : Number.MAX_SAFE_INTEGER;
}

/** Which rank columns have anything to show (a province's snapshot may carry no national ranks). */
interface Columns {
  province: boolean;
  national: boolean;
}

function GovernmentRows({
  body,
  snapshot,
  unitsByBody,
  allUnits,
  bands,
  columns,
}: {
  body: SnapshotBody;
  columns: Columns;
  snapshot: PublicationSnapshot;
  unitsByBody: Map<string, SnapshotUnit[]>;
  allUnits: Map<string, SnapshotUnit>;
  bands: Map<string, BandRef>;
}) {
  const { t } = useTranslation('publish');
  const [open, setOpen] = useState(false);
  const band = bands.get(body.bandCode);
  const detailId = `pub-body-${body.id}`;
  return (
    <>
      <tr data-body-code={body.code}>
        <th scope="row">
          <button
            type="button"
            className="pub-toggle"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {body.name}
          </button>
          {band && (
            <div className="pub-narrow-only pub-narrow-band">
              <BandChip band={band} size="sm" />
            </div>
          )}
          {body.changes.length > 0 && (
            <Text size="xs" c="dimmed" ml={22}>
              {t('table.changed', { count: body.changes.length })}
            </Text>
          )}
        </th>
        <td className="num">
          <ScoreValue value={body.score} fw={650} incomplete={!body.complete} />
        </td>
        <td className="pub-wide-only">{band ? <BandChip band={band} size="sm" /> : body.bandCode}</td>
        {columns.province && (
          <td className="pub-wide-only">
            <Rank place={body.ranks.province} />
          </td>
        )}
        {columns.national && (
          <td className="pub-wide-only">
            <Rank place={body.ranks.nationalType} />
          </td>
        )}
      </tr>
      {open && (
        <tr className="pub-detail-row" id={detailId}>
          <td colSpan={5}>
            <BodyDetail body={body} units={unitsByBody.get(body.id) ?? []} allUnits={allUnits} bands={bands} cycleId={snapshot.cycle.id} columns={columns} />
          </td>
        </tr>
      )}
    </>
  );
}

export function PublishedGovernments({ snapshot, bands: bandList, scopeName }: { snapshot: PublicationSnapshot; bands: BandRef[]; scopeName: string }) {
  const { t } = useTranslation('publish');
  const bands = new Map(bandList.map((b) => [b.code, b]));
  const unitsByBody = new Map<string, SnapshotUnit[]>();
  for (const u of snapshot.units) {
    const list = unitsByBody.get(u.bodyId) ?? [];
    list.push(u);
    unitsByBody.set(u.bodyId, list);
  }
  for (const list of unitsByBody.values()) list.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const allUnits = new Map(snapshot.units.map((u) => [u.id, u]));
  const national = snapshot.scope === 'national';
  const columns: Columns = {
    province: snapshot.bodies.some((b) => b.ranks.province),
    national: snapshot.bodies.some((b) => b.ranks.nationalType),
  };
  const types = national ? [...new Set(snapshot.bodies.map((b) => b.type))].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)) : [null];

  return (
    <section aria-labelledby="governments-heading">
      <h2 className="heading-2" id="governments-heading">
        {t('table.title')}
      </h2>
      <Text size="sm" c="dimmed" mb="sm">
        {t('table.hint')}
      </Text>
      {types.map((type) => {
        const rows = snapshot.bodies
          .filter((b) => type === null || b.type === type)
          .sort((a, b) => rankKey(a, snapshot.scope) - rankKey(b, snapshot.scope) || b.score - a.score);
        const caption = type === null ? t('table.caption', { scope: scopeName }) : t('table.caption_type', { type: t(`types.${type}`, { defaultValue: type }) });
        return (
          <div className="pub-table-wrap" key={type ?? 'all'}>
            <table className="data-table striped" data-testid="published-governments">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.government')}</th>
                  <th scope="col" className="num">
                    {t('table.score')}
                  </th>
                  <th scope="col" className="pub-wide-only">
                    {t('table.band')}
                  </th>
                  {columns.province && (
                    <th scope="col" className="pub-wide-only">
                      {t('table.province_rank')}
                    </th>
                  )}
                  {columns.national && (
                    <th scope="col" className="pub-wide-only">
                      {t('table.national_rank')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((body) => (
                  <GovernmentRows key={body.id} body={body} columns={columns} snapshot={snapshot} unitsByBody={unitsByBody} allUnits={allUnits} bands={bands} />
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
