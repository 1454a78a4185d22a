/**
 * A government's assessed units, each a collapsible row (native <details>: Enter/Space toggle
 * it, screen readers announce expanded/collapsed). Opening a unit loads its breakdown (code
 * and data). Issue 17: a ministry's or agency's units (a body without a province) are listed
 * under the province each is located in, with its kabupaten/kota.
 */
import { lazy, useState } from 'react';
import { Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyResult } from '../../shared/wire/scores.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { useProvinces } from './use-registry.ts';
import type { ResultWords } from './result-words.ts';

type UnitRow = BodyResult['units'][number];

// Loaded when a unit is first opened: most visitors read the page without drilling down.
const UnitBreakdown = lazy(() => import('./unit-breakdown.tsx').then((m) => ({ default: m.UnitBreakdown })));

function UnitItem({ cycleId, unit, words }: { cycleId: string; unit: UnitRow; words?: ResultWords }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <details className="drill" data-unit-id={unit.id} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="drill-title">{unit.name}</span>
        <Text span size="sm" c="dimmed">
          {t(`sectors.${unit.sector}`, { defaultValue: unit.sector })}
          {unit.place ? ` · ${unit.place.regencyName ?? unit.place.regencyCode}` : ''}
        </Text>
        {unit.result ? (
          <>
            <span className="tabular" data-testid="unit-score">
              {format.score(unit.result.score)}
            </span>
            <BandChip band={unit.result.band} size="sm" />
          </>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('units.no_result')}
          </Text>
        )}
      </summary>
      {open && (
        <div className="drill-body">
          <PanelBoundary>
            <UnitBreakdown cycleId={cycleId} unitId={unit.id} words={words} />
          </PanelBoundary>
        </div>
      )}
    </details>
  );
}

/** Units by the province they are located in (provinces by name; units not located last). */
export function byProvince(
  units: readonly UnitRow[],
  provinceName: (code: string) => string,
): { code: string | null; name: string | null; units: UnitRow[] }[] {
  const groups = new Map<string | null, UnitRow[]>();
  for (const u of units) {
    const code = u.place?.provinceCode ?? null;
    groups.set(code, [...(groups.get(code) ?? []), u]);
  }
  return [...groups]
    .map(([code, list]) => ({ code, name: code === null ? null : provinceName(code), units: list }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'id')));
}

function ByProvince({ result, words }: { result: BodyResult; words?: ResultWords }) {
  const { t } = useTranslation('public');
  const provinces = useProvinces();
  const name = (code: string) => provinces.data?.find((p) => p.code === code)?.name ?? code;
  // Until the names are there: placeholders, not sections headed and ordered by province codes
  // (the codes stay the fallback if the list cannot be read).
  if (provinces.isPending)
    return (
      <Stack gap="xs" aria-busy data-testid="units-province-pending">
        {[0, 1, 2].map((k) => (
          <Skeleton key={k} height={18} width={k === 0 ? '40%' : '80%'} />
        ))}
      </Stack>
    );
  return byProvince(result.units, name).map((g) => (
    <section key={g.code ?? '-'} aria-label={g.name ?? t('units.not_located')} className="units-province">
      <h3 className="heading-5">
        {g.name ?? t('units.not_located')}{' '}
        <Text span size="sm" c="dimmed">
          ({g.units.length})
        </Text>
      </h3>
      {g.units.map((u) => (
        <UnitItem key={u.id} cycleId={result.cycle.id} unit={u} words={words} />
      ))}
    </section>
  ));
}

export function UnitList({ result, words }: { result: BodyResult; words?: ResultWords }) {
  const { t } = useTranslation('public');
  // A ministry or agency (no province of its own) with located units: by province.
  const located = result.body.provinceCode === null && result.units.some((u) => u.place);
  return (
    <section aria-labelledby="units-heading">
      <h2 className="heading-4" id="units-heading">
        {t('units.title')}
      </h2>
      {result.units.length === 0 ? (
        <Text c="dimmed">{t('units.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t('units.hint')}
          </Text>
          {located ? (
            <ByProvince result={result} words={words} />
          ) : (
            result.units.map((u) => <UnitItem key={u.id} cycleId={result.cycle.id} unit={u} words={words} />)
          )}
        </>
      )}
    </section>
  );
}
