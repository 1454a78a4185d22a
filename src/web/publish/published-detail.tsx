/**
 * A government's detail row on the permanent page: its units with score and band, its previous
 * published score and its change log (answers changed after review, before this version, with
 * the indicator's text from the frozen scheme). Loaded when a government is first opened.
 */
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BandRef, Text as TextPair } from '../../core/types.ts';
import type { CycleScheme } from '../../shared/wire/cycles.ts';
import type { SnapshotBody, SnapshotUnit } from '../../shared/wire/publications.ts';
import { getCycleSchemeQueryOptions } from '../api/cycle-scheme.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { usePublishStrings } from './manage-strings.ts';
import { Rank, type Columns } from './published-rank.tsx';

/** Indicator code → text of the cycle's frozen scheme. */
const indicatorTexts = ({ scheme }: CycleScheme): Map<string, TextPair> =>
  new Map(scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i.text] as const))));

function ChangeLog({ body, units, cycleId }: { body: SnapshotBody; units: Map<string, SnapshotUnit>; cycleId: string }) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  // Fetched only when a change log is opened.
  const texts = useQuery({ ...getCycleSchemeQueryOptions(cycleId), enabled: body.changes.length > 0, select: indicatorTexts });
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

export function BodyDetail({
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
  usePublishStrings('detail');
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
                      {/* issue 17: where a located unit is, as the snapshot froze it */}
                      {u.place?.regencyName ? ` · ${u.place.regencyName}` : ''}
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
