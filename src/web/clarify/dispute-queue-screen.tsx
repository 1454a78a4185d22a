/**
 * The disputes queue: open disputes first (oldest first) with the means to decide them, then the
 * decided ones. The pimpinan reaches it from the cycle dashboard (its province); the asisten
 * from the navigation (the units assigned to it; the server filters both).
 */
import { useState } from 'react';
import { Alert, Chip, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDisputes, useWindows } from '../api/clarifications.ts';
import { useCycles } from '../api/cycles.ts';
import { getProvincesQueryOptions } from '../api/registry.ts';
import { useFormat } from '../lib/format.ts';
import { CycleZone } from '../ui/cycle-zone.tsx';
import { ErrorView } from '../ui/error-view.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { Countdown } from '../ui/countdown.tsx';
import { DisputeItem } from './dispute-item.tsx';
import { ResolveForm } from './resolve-form.tsx';

type Filter = 'open' | 'decided' | 'all';

export function DisputeQueue({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const [filter, setFilter] = useState<Filter>('open');
  const disputes = useDisputes(cycleId);
  const windows = useWindows(cycleId);
  const provinces = useQuery(getProvincesQueryOptions());
  const scopeName = (scope: string) =>
    scope === 'pusat' ? t('window.pusat') : (provinces.data?.find((p) => p.code === scope)?.name ?? scope);
  if (disputes.isPending) return <PageLoader />;
  if (disputes.isError) return <ErrorView error={disputes.error} onRetry={() => void disputes.refetch()} compact />;
  const all = disputes.data;
  const open = all.filter((d) => d.status === 'open');
  const shown = filter === 'open' ? open : filter === 'decided' ? all.filter((d) => d.status !== 'open') : all;
  return (
    <Stack gap="md">
      {(windows.data ?? []).map((w) => (
        <Alert key={w.id} color={w.state === 'open' ? 'blue' : 'gray'} data-testid="queue-window">
          <Text size="sm">
            {w.state === 'open'
              ? t('window.open_until', { scope: scopeName(w.scope), date: format.dateTime(w.deadline) })
              : t('window.closed_at', { scope: scopeName(w.scope), date: format.dateTime(w.closedAt ?? w.deadline) })}{' '}
            {w.state === 'open' && <Countdown deadline={w.deadline} />}
          </Text>
        </Alert>
      ))}
      <Chip.Group value={filter} onChange={(v) => setFilter(v as Filter)}>
        <Group gap="xs" role="radiogroup" aria-label={t('queue.filter')}>
          <Chip value="open" variant="outline" data-testid="filter-open">
            {t('queue.filter_open', { n: format.integer(open.length) })}
          </Chip>
          <Chip value="decided" variant="outline" data-testid="filter-decided">
            {t('queue.filter_decided', { n: format.integer(all.length - open.length) })}
          </Chip>
          <Chip value="all" variant="outline">
            {t('queue.filter_all', { n: format.integer(all.length) })}
          </Chip>
        </Group>
      </Chip.Group>
      {shown.length === 0 ? (
        <Text c="dimmed">{filter === 'open' ? t('queue.empty_open') : t('queue.empty')}</Text>
      ) : (
        shown.map((d) => (
          <DisputeItem key={d.id} dispute={d} showBody>
            {d.status === 'open' && (
              <PanelBoundary>
                <ResolveForm dispute={d} />
              </PanelBoundary>
            )}
          </DisputeItem>
        ))
      )}
    </Stack>
  );
}

/** Pimpinan: the disputes of its province in one cycle. */
export function ReviewDisputesScreen() {
  const { t } = useTranslation('clarify');
  const { cycleId } = useParams({ from: '/review/cycles/$cycleId/klarifikasi' });
  return (
    <CycleZone cycleId={cycleId}>
      <Stack gap="lg" maw={1000}>
        <ButtonLink to="/review/cycles/$cycleId" params={{ cycleId }} variant="subtle" px={0} w="fit-content">
          {t('queue.back')}
        </ButtonLink>
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('queue.title')}
          </Title>
          <Text c="dimmed" maw={760}>
            {t('queue.intro')}
          </Text>
        </Stack>
        <DisputeQueue cycleId={cycleId} />
      </Stack>
    </CycleZone>
  );
}

/** Asisten: the disputes on its assigned units, per cycle in review. */
export function AssistantDisputesScreen() {
  const { t } = useTranslation('clarify');
  const cycles = useCycles({ status: 'review' });
  const [picked, setPicked] = useState<string | null>(null);
  const list = cycles.data ?? [];
  const cycleId = picked ?? list[0]?.id ?? null;
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('queue.title')}
        </Title>
        <Text c="dimmed" maw={760}>
          {t('queue.intro_asisten')}
        </Text>
      </Stack>
      {cycles.isPending ? (
        <PageLoader />
      ) : cycles.isError ? (
        <ErrorView error={cycles.error} onRetry={() => void cycles.refetch()} compact />
      ) : list.length === 0 ? (
        <Text c="dimmed">{t('queue.no_cycles')}</Text>
      ) : (
        <>
          {list.length > 1 && (
            <Group>
              <Select
                label={t('queue.cycle')}
                data={list.map((c) => ({ value: c.id, label: c.name }))}
                value={cycleId}
                onChange={setPicked}
                allowDeselect={false}
              />
            </Group>
          )}
          {cycleId && <DisputeQueue key={cycleId} cycleId={cycleId} />}
        </>
      )}
    </Stack>
  );
}
