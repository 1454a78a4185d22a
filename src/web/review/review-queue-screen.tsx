/**
 * Review queue: the units handed in and waiting for the head of office in one open cycle (chosen
 * from a list), oldest body code first, with their result, outlier mark and a link to review;
 * below, the units returned to their assessor.
 */
import { useMemo } from 'react';
import { Badge, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useCycles } from '../api/cycles.ts';
import { useProgress } from '../api/locus.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { scoreOutliers } from './outliers.ts';
import { ResultCell } from './review-bits.tsx';
import { openCycles } from './review-model.ts';
import { BulkApprovePanel } from './bulk-approve-panel.tsx'; // issue 13

function QueueTable({ cycleId, status }: { cycleId: string; status: UnitStatus }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const progress = useProgress(cycleId);
  const scheme = useCycleScheme(cycleId).data?.scheme;
  const range = scheme?.result ?? { min: 0, max: 100 };
  const flagged = useMemo(
    () => new Set(scoreOutliers(progress.data?.bodies ?? [], { min: range.min, max: range.max }).map((o) => o.unitId)),
    [progress.data, range.min, range.max],
  );
  if (progress.isPending) return <PageLoader />;
  if (progress.isError) return <ErrorView error={progress.error} onRetry={() => void progress.refetch()} compact />;
  const rows = progress.data.bodies.flatMap((b) => b.units.filter((u) => u.status === status).map((u) => ({ b, u })));
  if (rows.length === 0) return <Text c="dimmed">{t(`queue.empty.${status}`)}</Text>;
  return (
    <Stack gap="xs" data-testid={`queue-${status}`} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map(({ b, u }) => (
        <Paper key={u.unitId} withBorder p="sm" component="li">
          <Group justify="space-between" gap="sm" wrap="wrap" preventGrowOverflow={false}>
            <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {u.name}
              </Text>
              <Text size="xs" c="dimmed">
                {b.name} · {t('queue.assessor', { name: u.assessor?.name ?? '—' })} ·{' '}
                {t('queue.sheets', { done: format.integer(u.done), target: format.integer(u.target) })}
              </Text>
              {flagged.has(u.unitId) && (
                <Badge color="grape" variant="light" tt="none" size="sm">
                  {t('outliers.badge')}
                </Badge>
              )}
            </Stack>
            <Group gap="sm" wrap="wrap" preventGrowOverflow={false}>
              <ResultCell result={u.result} scheme={scheme} />
              <ButtonLink
                to="/review/cycles/$cycleId/units/$unitId"
                params={{ cycleId, unitId: u.unitId }}
                size="compact-sm"
                aria-label={t('queue.review_label', { name: `${u.name} · ${b.name}` })}
              >
                {t('queue.review')}
              </ButtonLink>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function ReviewQueueScreen() {
  const { t } = useTranslation('review');
  const navigate = useNavigate();
  const search = useSearch({ from: '/review/queue' });
  const cycles = useCycles();
  if (cycles.isPending) return <PageLoader />;
  if (cycles.isError) return <ErrorView error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const open = openCycles(cycles.data);
  const chosen = open.find((c) => c.id === search.cycle) ?? open.find((c) => c.status === 'review') ?? open[0];
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('queue.title')}
        </Title>
        <Text maw={720}>{t('queue.intro')}</Text>
      </Stack>
      {!chosen ? (
        <Text c="dimmed">{t('queue.no_cycle')}</Text>
      ) : (
        <>
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label={t('queue.cycle')}
              value={chosen.id}
              onChange={(e) => void navigate({ to: '/review/queue', search: { cycle: e.currentTarget.value } })}
              data={open.map((c) => ({ value: c.id, label: `${c.name} (${t(`cycle_status.${c.status}`)})` }))}
            />
            <ButtonLink to="/review/cycles/$cycleId" params={{ cycleId: chosen.id }} variant="default">
              {t('queue.to_dashboard')}
            </ButtonLink>
          </Group>
          {/* issue 13: bulk approval of units without open flags */}
          <BulkApprovePanel cycleId={chosen.id} />
          <Stack gap="xs" component="section" aria-labelledby="queue-submitted">
            <Title order={2} size="h4" id="queue-submitted">
              {t('queue.waiting')}
            </Title>
            <QueueTable cycleId={chosen.id} status="submitted" />
          </Stack>
          <Stack gap="xs" component="section" aria-labelledby="queue-returned">
            <Title order={2} size="h4" id="queue-returned">
              {t('queue.returned')}
            </Title>
            <QueueTable cycleId={chosen.id} status="returned" />
          </Stack>
        </>
      )}
    </Stack>
  );
}
