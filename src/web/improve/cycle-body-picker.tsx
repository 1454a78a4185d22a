/**
 * The government a planning screen works on (the koordinator: its own; the pimpinan and the
 * admin: one of the province, chosen here) and the cycle: only the cycles where that government
 * has a published, assessed result (its trend, `GET /bodies/:bodyId/trend`), newest first — an
 * imported score has no indicators to plan on, and a cycle it was not assessed in has nothing.
 * An asisten plans only for the governments where it assesses a unit, in those cycles
 * (`GET /assignments/mine/bodies`; the others would be refused), and is told so.
 * Used by the target planner and the what-if view.
 */
import { Alert, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import type { TrendItem } from '../../shared/wire/scores.ts';
import { useAssignedBodies } from '../api/locus.ts';
import { useBodies } from '../api/registry.ts';
import { useTrend } from '../api/scores.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';

export type PickedCycle = TrendItem['cycle'];

const GOVERNMENTS: readonly string[] = ['provinsi', 'kabupaten', 'kota'];

export function CycleBodyPicker({
  user,
  cycleId,
  bodyId,
  onChange,
  children,
}: {
  user: User;
  cycleId: string | undefined;
  bodyId: string | undefined;
  onChange: (patch: { cycle?: string | undefined; body?: string | undefined }) => void;
  children: (picked: { cycle: PickedCycle; bodyId: string }) => React.ReactNode;
}) {
  const { t } = useTranslation('improve');
  const assessor = user.role === 'asisten';
  const choosesBody = user.role === 'pimpinan' || assessor || user.role === 'admin';
  const bodies = useBodies(
    { page: 1, pageSize: 200, type: ['provinsi', 'kabupaten', 'kota'], province: user.provinceCode },
    choosesBody && !assessor,
  );
  const assigned = useAssignedBodies(assessor);
  // The governments (as for the pimpinan): a ministry's vertical offices it assesses are not planned here.
  const options = assessor ? (assigned.data?.items ?? []).filter((b) => GOVERNMENTS.includes(b.type)) : (bodies.data?.items ?? []);
  const body = choosesBody ? bodyId : (user.bodyId ?? undefined);
  const assignedCycles = assigned.data?.items.find((b) => b.id === body)?.cycleIds;
  const trend = useTrend(body ?? null);
  const list = (trend.data?.items ?? [])
    .filter((i) => i.cycle.published && i.source !== 'imported')
    .filter((i) => !assessor || !!assignedCycles?.includes(i.cycle.id))
    .map((i) => i.cycle)
    .reverse();
  const cycle = list.find((c) => c.id === cycleId) ?? list[0];
  return (
    <>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {choosesBody && (
          <NativeSelect
            label={t('findings.body')}
            value={body ?? ''}
            onChange={(e) => onChange({ body: e.currentTarget.value || undefined, cycle: undefined })}
            data={[{ value: '', label: t('findings.pick_body') }, ...options.map((b) => ({ value: b.id, label: b.name }))]}
            description={assessor ? t('target.assessor_bodies') : undefined}
            style={{ flex: '1 1 240px' }}
          />
        )}
        {cycle && (
          <NativeSelect
            label={t('findings.cycle')}
            value={cycle.id}
            onChange={(e) => onChange({ cycle: e.currentTarget.value })}
            data={list.map((c) => ({ value: c.id, label: c.name }))}
            style={{ flex: '1 1 240px' }}
          />
        )}
      </Group>
      {assessor && assigned.isSuccess && options.length === 0 && (
        <Text size="sm" role="status">
          {t('target.assessor_none')}
        </Text>
      )}
      {!body ? null : trend.isPending ? (
        <PageLoader />
      ) : trend.isError ? (
        <ErrorView error={trend.error} onRetry={() => void trend.refetch()} compact />
      ) : !cycle ? (
        <Alert color="gray" role="status">
          {t('target.no_cycles')}
        </Alert>
      ) : (
        children({ cycle, bodyId: body })
      )}
    </>
  );
}
