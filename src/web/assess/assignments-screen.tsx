/**
 * "Penugasan saya": the assessor's units in open cycles, grouped by cycle, nearest due date
 * first, with progress per instrument against the quotas and what waits on this device.
 * Opens offline from the copy kept on the device.
 */
import { useState } from 'react';
import { Badge, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../shared/wire/locus.ts';
import { unitWritable, useAssignments } from '../api/locus.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { AssignmentCard } from './assignment-card.tsx';
import { SyncPanel } from './sync-panel.tsx';
import { useLocalCountsByUnit } from './use-local-sheets.ts';

type Filter = 'todo' | 'all';

function CycleGroup({ items, today }: { items: Assignment[]; today: string }) {
  const { t } = useTranslation('assess');
  const cycle = items[0]!.cycle;
  const scheme = useCycleScheme(cycle.id);
  const local = useLocalCountsByUnit();
  return (
    <Stack gap="sm" component="section" aria-labelledby={`cycle-${cycle.id}`}>
      <Group gap="xs">
        <Title order={2} size="h4" id={`cycle-${cycle.id}`}>
          {cycle.name}
        </Title>
        <Badge variant="outline" tt="none">
          {t(`cycle_status.${cycle.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {items.map((a) => (
          <AssignmentCard
            key={a.unit.unitId}
            assignment={a}
            scheme={scheme.data?.scheme}
            local={local?.get(`${cycle.id}|${a.unit.unitId}`)}
            today={today}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function AssignmentsScreen() {
  const { t } = useTranslation('assess');
  const assignments = useAssignments();
  const todo = (assignments.data ?? []).filter((a) => unitWritable(a.cycle.status, a.unit.status));
  const [filter, setFilter] = useState<Filter | null>(null);
  const shown: Filter = filter ?? (todo.length > 0 ? 'todo' : 'all');
  const today = new Date().toISOString().slice(0, 10);

  const list = shown === 'todo' ? todo : (assignments.data ?? []);
  const groups = new Map<string, Assignment[]>();
  for (const a of list) groups.set(a.cycle.id, [...(groups.get(a.cycle.id) ?? []), a]);

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('assignments.title')}
        </Title>
        <Text maw={760}>{t('assignments.intro')}</Text>
      </Stack>
      <PanelBoundary>
        <SyncPanel />
      </PanelBoundary>
      {assignments.isPending ? (
        <PageLoader />
      ) : assignments.isError ? (
        <ErrorView error={assignments.error} onRetry={() => void assignments.refetch()} compact />
      ) : (
        <>
          <SegmentedControl
            w="fit-content"
            value={shown}
            onChange={(v) => setFilter(v as Filter)}
            aria-label={t('assignments.filter_label')}
            data={[
              { value: 'todo', label: t('assignments.filter.todo', { n: todo.length }) },
              { value: 'all', label: t('assignments.filter.all', { n: assignments.data.length }) },
            ]}
          />
          {list.length === 0 && <Text c="dimmed">{t(shown === 'todo' ? 'assignments.empty_todo' : 'assignments.empty')}</Text>}
          {[...groups.values()].map((items) => (
            <PanelBoundary key={items[0]!.cycle.id}>
              <CycleGroup items={items} today={today} />
            </PanelBoundary>
          ))}
        </>
      )}
    </Stack>
  );
}
