/** The locus at a glance: bodies, units assigned, records against quotas, units complete/approved. */
import { Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '../../shared/wire/cycles.ts';
import { useProgressPage } from '../api/locus.ts';
import { useFormat } from '../lib/format.ts';
import { summariseProgress } from './progress-model.ts';
import { QueryStatus } from './query-status.tsx';

/** The largest page the API serves; beyond it the summary covers the first page only. */
const SUMMARY_PAGE = 200;

export function ProgressSummary({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const progress = useProgressPage(cycle.id, { page: 1, pageSize: SUMMARY_PAGE });
  if (!progress.data) return <QueryStatus query={progress} />;
  const s = summariseProgress(progress.data.items, new Date());
  const pct = s.target ? (100 * s.done) / s.target : 0;
  const tiles = [
    { key: 'bodies', value: t('cycle.summary.of', { n: format.integer(s.bodiesFinal), of: format.integer(s.bodies) }) },
    { key: 'assigned', value: t('cycle.summary.of', { n: format.integer(s.unitsAssigned), of: format.integer(s.units) }) },
    { key: 'complete', value: t('cycle.summary.of', { n: format.integer(s.unitsComplete), of: format.integer(s.units) }) },
    { key: 'approved', value: t('cycle.summary.of', { n: format.integer(s.unitsApproved), of: format.integer(s.units) }) },
    { key: 'overdue', value: format.integer(s.overdue) },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="summary-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="summary-title">
          {t('cycle.summary.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          {tiles.map((tile) => (
            <Stack key={tile.key} gap={0}>
              <Text size="xs" c="dimmed">
                {t(`cycle.summary.${tile.key}`)}
              </Text>
              <Text fw={700} size="lg" className="tabular" data-testid={`summary-${tile.key}`}>
                {tile.value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm">
            {t('cycle.summary.records', { done: format.integer(s.done), target: format.integer(s.target), pct: format.percent(pct, 0) })}
          </Text>
          <Progress value={pct} aria-label={t('cycle.summary.records_label')} />
        </Stack>
        {progress.data.total > SUMMARY_PAGE && (
          <Text size="xs" c="dimmed">
            {t('cycle.summary.partial', { n: format.integer(SUMMARY_PAGE), total: format.integer(progress.data.total) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
