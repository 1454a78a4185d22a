/**
 * The team lead's queue (issue 13 §6): per open cycle, the units handed in in the Perwakilans it
 * leads, waiting for its review before the pimpinan (`GET /cycles/:c/lead-queue`). Each opens the
 * unit's review screen in lead mode (pass on, or return with comments per indicator).
 */
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCycles } from '../api/cycles.ts';
import { useLeadQueue } from '../api/visits.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { UnitStatusBadge } from './review-bits.tsx';

function CycleQueue({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const queue = useLeadQueue(cycleId);
  if (queue.isPending) return null;
  if (queue.isError) return <ErrorView error={queue.error} onRetry={() => void queue.refetch()} />;
  if (queue.data.items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" data-testid="lead-cycle">
      <Title order={2} size="h4">
        {t('lead.cycle', { name: cycleName, n: queue.data.items.length })}
      </Title>
      {queue.data.items.map((i) => (
        <Paper key={i.unitId} withBorder p="sm" data-testid="lead-item">
          <Stack gap={6}>
            <Text fw={600}>
              {i.name} · {i.bodyName}
            </Text>
            <Text size="sm" c="dimmed">
              {t('visits.since', { date: format.dateTime(i.since), who: i.assessor?.name || i.assessor?.username || '—' })}
            </Text>
            <UnitStatusBadge status={i.status} />
            <ButtonLink to="/tim/$cycleId/$unitId" params={{ cycleId, unitId: i.unitId }} size="xs" w="fit-content">
              {t('lead.review')}
            </ButtonLink>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function LeadQueueScreen() {
  const { t } = useTranslation('review');
  const cycles = useCycles();
  if (cycles.isPending) return <PageLoader />;
  if (cycles.isError) return <ErrorView error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const open = cycles.data.filter((c) => c.status === 'fieldwork' || c.status === 'review');
  return <LeadQueueView cycles={open.map((c) => ({ id: c.id, name: c.name }))} title={t('lead.title')} />;
}

/** The screen's body over the given cycles (tests render it without the router). */
export function LeadQueueView({ cycles, title }: { cycles: { id: string; name: string }[]; title: string }) {
  const { t } = useTranslation('review');
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text size="sm">{t('lead.intro')}</Text>
      {cycles.length === 0 && <Alert color="gray">{t('lead.none')}</Alert>}
      {cycles.map((c) => (
        <PanelBoundary key={c.id}>
          <CycleQueue cycleId={c.id} cycleName={c.name} />
        </PanelBoundary>
      ))}
      <Text size="sm" c="dimmed">
        {t('lead.empty_hint')}
      </Text>
    </Stack>
  );
}
