/**
 * The published cycle (assessed, not imported) and, for the pimpinan and the admin, the
 * government of the province a planning screen works on; the koordinator always works on its own
 * government. Used by the target planner and the what-if view.
 */
import { Alert, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import { useCycles } from '../api/cycles.ts';
import { useBodies } from '../api/registry.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';

export interface Picked {
  cycle: CycleSummary;
  bodyId: string | undefined;
}

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
  children: (picked: Picked) => React.ReactNode;
}) {
  const { t } = useTranslation('improve');
  const cycles = useCycles({ published: true });
  const list = (cycles.data ?? []).filter((c) => c.source !== 'imported');
  const cycle = list.find((c) => c.id === cycleId) ?? list[0];
  const choosesBody = user.role === 'pimpinan' || user.role === 'admin';
  // Regencies and cities are ranked in their province and nationally; a province only nationally.
  const bodies = useBodies({ page: 1, pageSize: 200, type: ['provinsi', 'kabupaten', 'kota'], province: user.provinceCode }, choosesBody);
  const body = choosesBody ? bodyId : (user.bodyId ?? undefined);
  if (cycles.isPending) return <PageLoader />;
  if (cycles.isError) return <ErrorView error={cycles.error} onRetry={() => void cycles.refetch()} compact />;
  if (!cycle)
    return (
      <Alert color="gray" role="status">
        {t('target.no_cycles')}
      </Alert>
    );
  return (
    <>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('findings.cycle')}
          value={cycle.id}
          onChange={(e) => onChange({ cycle: e.currentTarget.value })}
          data={list.map((c) => ({ value: c.id, label: c.name }))}
          style={{ flex: '1 1 240px' }}
        />
        {choosesBody && (
          <NativeSelect
            label={t('findings.body')}
            value={body ?? ''}
            onChange={(e) => onChange({ body: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('findings.pick_body') },
              ...(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
            style={{ flex: '1 1 240px' }}
          />
        )}
      </Group>
      {children({ cycle, bodyId: body })}
    </>
  );
}
