/**
 * The governments of a published snapshot: one table (per body type for the nation), ordered by
 * rank, with score, band, provincial and national rank with movement. Each government's button
 * opens a row below it with its units, its previous published score and its change log (answers
 * changed after review, before this version). On phones the rank columns move into that row.
 */
import { lazy, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandRef } from '../../core/types.ts';
import type { PublicationSnapshot, SnapshotBody, SnapshotUnit } from '../../shared/wire/publications.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { Rank, type Columns } from './published-rank.tsx';

// Loaded when a government is first opened: most visitors read the table without drilling down.
const BodyDetail = lazy(() => import('./published-detail.tsx').then((m) => ({ default: m.BodyDetail })));

const TYPE_ORDER = ['provinsi', 'kabupaten', 'kota', 'kementerian', 'lembaga'];

/** Order of the rows: by rank; the provincial government (no provincial rank) heads its province. */
function rankKey(body: SnapshotBody, scope: string): number {
  const place = scope === 'national' ? body.ranks.nationalType : (body.ranks.province ?? body.ranks.nationalType);
  if (place) return place.rank;
  return body.type === 'provinsi' && scope !== 'national' ? 0 : Number.MAX_SAFE_INTEGER;
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
            <PanelBoundary>
              <BodyDetail
                body={body}
                units={unitsByBody.get(body.id) ?? []}
                allUnits={allUnits}
                bands={bands}
                cycleId={snapshot.cycle.id}
                columns={columns}
              />
            </PanelBoundary>
          </td>
        </tr>
      )}
    </>
  );
}

export function PublishedGovernments({
  snapshot,
  bands: bandList,
  scopeName,
}: {
  snapshot: PublicationSnapshot;
  bands: BandRef[];
  scopeName: string;
}) {
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
  const types = national
    ? [...new Set(snapshot.bodies.map((b) => b.type))].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b))
    : [null];

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
        const caption =
          type === null
            ? t('table.caption', { scope: scopeName })
            : t('table.caption_type', { type: t(`types.${type}`, { defaultValue: type }) });
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
                  <GovernmentRows
                    key={body.id}
                    body={body}
                    columns={columns}
                    snapshot={snapshot}
                    unitsByBody={unitsByBody}
                    allUnits={allUnits}
                    bands={bands}
                  />
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
