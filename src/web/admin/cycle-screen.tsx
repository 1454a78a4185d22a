/**
 * One cycle for the admin: its frozen scheme, the status workflow, the progress summary, the
 * locus (bodies and their units) with each unit's assessor and due date.
 */
import { Code, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCycle } from '../api/cycles.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { BodyZone } from '../ui/body-zone.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { PublicationLink } from '../ui/publication-link.tsx';
import { CycleExportPanel } from '../ui/cycle-export-panel.tsx';
import { CycleStatusBadge } from './cycles-screen.tsx';
import { CycleStatusPanel } from './cycle-status-panel.tsx';
import { LocusPicker } from './locus-picker.tsx';
import { LocusTable } from './locus-table.tsx';
import { ProgressSummary } from './progress-summary.tsx';
import { QueryStatus } from './query-status.tsx';

export function CycleScreen() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const { cycleId } = useParams({ from: '/admin/cycles/$cycleId' });
  const cycle = useCycle(cycleId);
  if (!cycle.data) return <QueryStatus query={cycle} />;
  const c = cycle.data;
  const locusOpen = c.source !== 'imported' && (c.status === 'planning' || c.status === 'fieldwork');
  return (
    <BodyZone provinceCode={c.provinceCode}>
      <Stack gap="lg" maw={1100}>
        <AnchorLink to="/admin/cycles" size="sm">
          {t('cycle.back')}
        </AnchorLink>
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {c.name}
            </Title>
            <CycleStatusBadge status={c.status} />
          </Group>
          <Text c="dimmed">
            {t('cycle.subtitle', { year: c.year })}{' '}
            <AnchorLink to="/schemes/$schemeId" params={{ schemeId: c.schemeId }}>
              {c.schemeTitle[format.lang]}
            </AnchorLink>
          </Text>
          <Text size="xs" c="dimmed">
            {t('cycle.hash')} <Code>{c.schemeHash.slice(0, 16)}…</Code>
          </Text>
        </Stack>
        <PanelBoundary>
          <CycleStatusPanel cycle={c} />
        </PanelBoundary>
        <PanelBoundary>
          <ProgressSummary cycle={c} />
        </PanelBoundary>
        <PanelBoundary>
          <PublicationLink cycleId={c.id} admin />
        </PanelBoundary>
        <PanelBoundary>
          <CycleExportPanel cycleId={c.id} />
        </PanelBoundary>
        {locusOpen && (
          <PanelBoundary>
            <LocusPicker cycleId={c.id} />
          </PanelBoundary>
        )}
        <PanelBoundary>
          <LocusTable cycle={c} editable={locusOpen} />
        </PanelBoundary>
      </Stack>
    </BodyZone>
  );
}
