/**
 * One unit in one cycle, for the koordinator (any unit of the body) and the operator (own
 * unit): the score as released to the role, the unit's improvement list, and the indicators
 * with the evidence behind each.
 */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useUnitImprovements, useUnitResult } from '../api/scores.ts';
import { useFormat } from '../lib/format.ts';
import { BandChip } from '../ui/band-chip.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ScoreValue } from '../ui/score-value.tsx';
import { ImprovementList } from './improvement-list.tsx';
import { IndicatorEvidence } from './indicator-evidence.tsx';
import { ResultState } from './result-state.tsx';

export function UnitResultView({ cycleId, unitId }: { cycleId: string; unitId: string }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const view = useUnitResult(cycleId, unitId);
  if (!view.data) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('unit.title')}
        </Title>
        <ResultState query={view} />
      </Stack>
    );
  }
  const { unit, body, cycle, result } = view.data;
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {unit.name}
        </Title>
        <Text c="dimmed">
          {body.name} · {cycle.name}
        </Text>
      </Stack>
      <Paper withBorder p="md">
        {result ? (
          <Stack gap="xs">
            <Group gap="md">
              <ScoreValue value={result.score} fz={34} fw={750} max={100} incomplete={!result.complete} />
              <BandChip band={result.band} />
            </Group>
            <Text size="sm">{result.dimensions.map((d) => `${d.title[format.lang]} ${format.score(d.score)}`).join(' · ')}</Text>
            <Text size="xs" c="dimmed">
              {t(`unit_status.${view.data.status}`, { defaultValue: view.data.status })}
              {view.data.computedAt ? ` · ${t('unit.computed', { at: format.dateTime(view.data.computedAt) })}` : ''}
            </Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('unit.no_result')}</Text>
        )}
      </Paper>
      {result && (
        <PanelBoundary>
          <UnitImprovements cycleId={cycleId} unitId={unitId} />
        </PanelBoundary>
      )}
      <Stack gap="sm" component="section" aria-labelledby="evidence-title">
        <Title order={2} size="h4" id="evidence-title">
          {t('evidence.title')}
        </Title>
        <PanelBoundary>
          <IndicatorEvidence cycleId={cycleId} unitId={unitId} result={result} />
        </PanelBoundary>
      </Stack>
    </Stack>
  );
}

function UnitImprovements({ cycleId, unitId }: { cycleId: string; unitId: string }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const improvements = useUnitImprovements(cycleId, unitId, 10);
  const scheme = useCycleScheme(cycleId);
  const dimensions = new Map((scheme.data?.scheme.dimensions ?? []).map((d) => [d.code, d.title[format.lang]]));
  return (
    <Stack gap="sm" component="section" aria-labelledby="unit-improvements-title">
      <Title order={2} size="h4" id="unit-improvements-title">
        {t('improvements.unit_title')}
      </Title>
      {!improvements.data ? (
        <ResultState query={improvements} />
      ) : improvements.data.items.length === 0 ? (
        <Text c="dimmed">{t('improvements.empty')}</Text>
      ) : (
        <ImprovementList items={improvements.data.items} orderBy="unitGain" dimensions={dimensions} />
      )}
    </Stack>
  );
}
