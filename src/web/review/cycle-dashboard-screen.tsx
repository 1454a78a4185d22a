/**
 * Cycle dashboard for the head of office: units by review state, bodies final, fieldwork against
 * the quotas; progress by body and unit; outliers (rule stated) and missing instruments.
 */
import { useMemo } from 'react';
import { Badge, Grid, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../shared/wire/locus.ts';
import { useMe } from '../api/auth.ts';
import { useCycles } from '../api/cycles.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useProgress } from '../api/locus.ts';
import { useFormat } from '../lib/format.ts';
import { CycleZone } from '../ui/cycle-zone.tsx';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { ClarificationPanel } from '../ui/clarification-panel.tsx';
import { PublicationLink } from '../ui/publication-link.tsx';
import { CycleExportPanel } from '../ui/cycle-export-panel.tsx';
import { MissingPanel, OutlierPanel } from './attention-panels.tsx';
import { BodyProgressTable } from './body-progress-table.tsx';
import { Stat } from './review-bits.tsx';
import { scoreOutliers } from './outliers.ts';

const STATES: UnitStatus[] = ['pending', 'submitted', 'reviewed', 'returned', 'approved'];

export function CycleDashboardScreen() {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { cycleId } = useParams({ from: '/review/cycles/$cycleId' });
  const cycles = useCycles();
  const progress = useProgress(cycleId);
  const scheme = useCycleScheme(cycleId).data?.scheme;
  const provinceCode = useMe().data?.provinceCode ?? null;
  const range = scheme?.result ?? { min: 0, max: 100 };
  const outliers = useMemo(
    () => scoreOutliers(progress.data?.bodies ?? [], { min: range.min, max: range.max }),
    [progress.data, range.min, range.max],
  );

  if (progress.isPending) return <PageLoader />;
  if (progress.isError) return <ErrorView error={progress.error} onRetry={() => void progress.refetch()} />;
  const cycle = cycles.data?.find((c) => c.id === cycleId);
  const { bodies, instruments } = progress.data;
  const units = bodies.flatMap((b) => b.units);
  const count = (s: UnitStatus) => units.filter((u) => u.status === s).length;
  const done = bodies.reduce((a, b) => a + b.done, 0);
  const target = bodies.reduce((a, b) => a + b.target, 0);

  return (
    <CycleZone cycleId={cycleId}>
      <Stack gap="lg" maw={1200}>
        <Stack gap={4}>
          <ButtonLink to="/review" variant="subtle" px={0} w="fit-content">
            {t('dashboard.back')}
          </ButtonLink>
          <Group gap="xs">
            <Title order={1} size="h2">
              {t('dashboard.title', { name: cycle?.name ?? '' })}
            </Title>
            {cycle && (
              <Badge variant="outline" tt="none">
                {t(`cycle_status.${cycle.status}`)}
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <ButtonLink to="/review/queue" search={{ cycle: cycleId }} size="sm">
              {t('dashboard.to_queue', { n: format.integer(count('submitted')) })}
            </ButtonLink>
            <ButtonLink to="/review/cycles/$cycleId/kunjungan" params={{ cycleId }} size="sm" variant="default">
              {t('visits.to_visits')}
            </ButtonLink>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          {STATES.map((s) => (
            <Stat key={s} label={t(`unit_status_plural.${s}`)} value={format.integer(count(s))} testId={`stat-${s}`} />
          ))}
          <Stat
            label={t('dashboard.bodies_final')}
            value={`${format.integer(bodies.filter((b) => b.status === 'final').length)}/${format.integer(bodies.length)}`}
            testId="stat-final"
          />
          <Stat label={t('dashboard.fieldwork')} value={format.percent(target ? (done / target) * 100 : 0, 0)} testId="stat-fieldwork" />
        </SimpleGrid>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="xs" component="section" aria-labelledby="bodies-title">
              <Title order={2} size="h4" id="bodies-title">
                {t('dashboard.bodies_title')}
              </Title>
              <PanelBoundary>
                <BodyProgressTable cycleId={cycleId} bodies={bodies} instruments={instruments} scheme={scheme} outliers={outliers} />
              </PanelBoundary>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <PanelBoundary>
                <ClarificationPanel cycleId={cycleId} provinceCode={provinceCode} cycleStatus={cycle?.status} />
              </PanelBoundary>
              <PanelBoundary>
                <PublicationLink cycleId={cycleId} admin={false} />
              </PanelBoundary>
              <PanelBoundary>
                <CycleExportPanel cycleId={cycleId} />
              </PanelBoundary>
              <PanelBoundary>
                <OutlierPanel cycleId={cycleId} bodies={bodies} outliers={outliers} range={range.max - range.min} />
              </PanelBoundary>
              <PanelBoundary>
                <MissingPanel cycleId={cycleId} bodies={bodies} instruments={instruments} />
              </PanelBoundary>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </CycleZone>
  );
}
