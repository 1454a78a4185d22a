/**
 * A government's assessed units, each a collapsible row (native <details>: Enter/Space toggle
 * it, screen readers announce expanded/collapsed). Opening a unit loads its breakdown (code
 * and data).
 */
import { lazy, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyResult } from '../../shared/wire/scores.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
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

export function UnitList({ result, words }: { result: BodyResult; words?: ResultWords }) {
  const { t } = useTranslation('public');
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
          {result.units.map((u) => (
            <UnitItem key={u.id} cycleId={result.cycle.id} unit={u} words={words} />
          ))}
        </>
      )}
    </section>
  );
}
