/**
 * "Penugasan saya": the assessor's units in open cycles, grouped by cycle, nearest due date
 * first, with progress per instrument against the quotas and what waits on this device.
 * Opens offline from the copy kept on the device.
 */
import { useState } from 'react';
import { Badge, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarDay } from '../../shared/local-time.ts';
import type { Assignment } from '../../shared/wire/locus.ts';
import { unitWritable, useAssignments } from '../api/locus.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { useDownloadUnits } from '../api/offline-package.ts';
import { useZone } from '../lib/format.ts';
import type { UnitDownload } from '../lib/offline-db.ts';
import { useOnline } from '../lib/use-online.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { AssignmentCard } from './assignment-card.tsx';
import { SyncPanel } from './sync-panel.tsx';
import { useDownloads, useLocalCountsByUnit } from './use-local-sheets.ts';
import { OfflinePanel } from './offline-panel.tsx';

type Filter = 'todo' | 'all';

interface OfflineProps {
  downloads: Map<string, UnitDownload> | undefined;
  onDownload: (a: Assignment) => void;
  downloading: boolean;
  online: boolean;
}

function CycleGroup({ items, today, offline }: { items: Assignment[]; today: string; offline: OfflineProps }) {
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
            schemePending={scheme.isPending}
            local={local?.get(`${cycle.id}|${a.unit.unitId}`)}
            today={today}
            download={offline.downloads?.get(`${cycle.id}|${a.unit.unitId}`)}
            onDownload={() => offline.onDownload(a)}
            downloading={offline.downloading}
            online={offline.online}
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
  const today = calendarDay(new Date(), useZone());
  // issue 13: download for offline use (all units still to be worked on, or one).
  const online = useOnline();
  const downloads = useDownloads();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const download = useDownloadUnits((done, total) => setProgress({ done, total }));
  const start = (units: Assignment[]) => {
    setProgress({ done: 0, total: units.length });
    download.mutate(units);
  };
  const kept = todo.map((a) => downloads?.get(`${a.cycle.id}|${a.unit.unitId}`)).filter((d) => d !== undefined);
  const oldest = kept.reduce<UnitDownload | null>((o, d) => (o === null || d.at < o.at ? d : o), null);
  const offline: OfflineProps = { downloads, onDownload: (a) => start([a]), downloading: download.isPending, online };

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
      {assignments.data && (
        <PanelBoundary>
          <OfflinePanel
            units={todo.length}
            onDevice={kept.length}
            oldest={oldest}
            online={online}
            running={download.isPending}
            progress={progress}
            result={download.data ? { units: download.data.units.length } : null}
            error={download.error}
            onDownloadAll={() => start(todo)}
          />
        </PanelBoundary>
      )}
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
              <CycleGroup items={items} today={today} offline={offline} />
            </PanelBoundary>
          ))}
        </>
      )}
    </Stack>
  );
}
