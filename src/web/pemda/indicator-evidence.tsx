/**
 * Every indicator of the cycle's scheme for one unit: its answer level and points lost (when a
 * result exists) and the evidence behind it, with downloads; optionally only indicators with files.
 */
import { useState } from 'react';
import { Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitScore } from '../../core/types.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useUnitEvidence } from '../api/evidence.ts';
import { useFormat } from '../lib/format.ts';
import { EvidenceLinks } from './evidence-links.tsx';
import { evidenceByIndicator, onlyWithEvidence } from './evidence-model.ts';
import { ResultState } from './result-state.tsx';

export function IndicatorEvidence({ cycleId, unitId, result }: { cycleId: string; unitId: string; result: UnitScore | null }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const [onlyFiles, setOnlyFiles] = useState(false);
  const scheme = useCycleScheme(cycleId);
  const evidence = useUnitEvidence(cycleId, unitId);
  if (!scheme.data) return <ResultState query={scheme} />;
  if (!evidence.data) return <ResultState query={evidence} />;
  const view = evidenceByIndicator(scheme.data.scheme, result, evidence.data);
  const dimensions = onlyFiles ? onlyWithEvidence(view.dimensions) : view.dimensions;
  return (
    <Stack gap="md">
      <Switch
        label={t('evidence.only_with_files', { n: format.integer(view.linked) })}
        checked={onlyFiles}
        onChange={(e) => setOnlyFiles(e.currentTarget.checked)}
      />
      {dimensions.map((d) => (
        <Stack key={d.code} gap="xs">
          <Title order={3} size="h5">
            {d.title[format.lang]}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder verticalSpacing="xs" fz="sm">
              <Table.Caption>{t('evidence.caption', { dimension: d.title[format.lang] })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('evidence.columns.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('evidence.columns.value')}</Table.Th>
                  <Table.Th scope="col">{t('evidence.columns.lost')}</Table.Th>
                  <Table.Th scope="col">{t('evidence.columns.files')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.indicators.map((i) => (
                  <Table.Tr key={i.code} data-indicator={i.code}>
                    <Table.Td maw={320}>
                      <Text size="sm" fw={600} span>
                        {i.code}
                      </Text>{' '}
                      {i.text[format.lang]}
                    </Table.Td>
                    <Table.Td className="tabular">{i.score?.value != null ? format.decimal(i.score.value, 2) : '—'}</Table.Td>
                    <Table.Td className="tabular">{i.score ? format.score(i.score.pointsLost) : '—'}</Table.Td>
                    <Table.Td>
                      <EvidenceLinks files={i.evidence} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
      {onlyFiles && dimensions.length === 0 && <Text c="dimmed">{t('evidence.no_indicator_files')}</Text>}
      {view.general.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('evidence.general')}
          </Title>
          <EvidenceLinks files={view.general} />
        </Stack>
      )}
    </Stack>
  );
}
