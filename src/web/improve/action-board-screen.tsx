/**
 * `/tindak-lanjut`: the action board of the signed-in role's scope — the koordinator's government
 * (filter by unit; add an action by hand), the operator's unit, the pimpinan's province (filter
 * by government, then unit). Filters live in the address; the Excel download carries them.
 */
import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';
import { actionsXlsxUrl, useActions, type ActionFilter } from '../api/actions.ts';
import { useMe } from '../api/auth.ts';
import { useBodies, useUnits } from '../api/registry.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ActionBoard, type BoardFilter } from './action-board.tsx';
import { PlanActionDialog } from './plan-action-dialog.tsx';

const PAGE_SIZE = 50;

export function ActionBoardScreen() {
  const user = useMe().data;
  if (!user) return null;
  return <Board user={user} />;
}

function Board({ user }: { user: User }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const search = useSearch({ from: '/tindak-lanjut' });
  const navigate = useNavigate({ from: '/tindak-lanjut' });
  const [adding, setAdding] = useState(false);
  const filter: BoardFilter = { body: search.body, unit: search.unit, status: search.status, timing: search.timing, source: search.source };
  const page = search.page ?? 1;
  const onFilter = (next: BoardFilter) => void navigate({ search: { ...next }, replace: true });

  // Which government's units the unit filter lists: the koordinator's own, or the pimpinan's choice.
  const isProvince = user.role === 'pimpinan' || user.role === 'admin';
  const unitsBody = user.role === 'koordinator' ? user.bodyId : isProvince ? (filter.body ?? null) : null;
  const bodies = useBodies(
    { page: 1, pageSize: 200, type: ['provinsi', 'kabupaten', 'kota'], province: user.provinceCode },
    user.role === 'pimpinan',
  );
  const units = useUnits(unitsBody, { page: 1, pageSize: 200 });

  const apiFilter: Omit<ActionFilter, 'page' | 'pageSize'> = {
    bodyId: filter.body,
    unitId: filter.unit,
    status: filter.status,
    timing: filter.timing,
    sourceKind: filter.source,
  };
  const actions = useActions({ ...apiFilter, page, pageSize: PAGE_SIZE });
  const unitOptions = unitsBody ? (units.data?.items ?? []).map((u) => ({ id: u.id, name: u.name })) : undefined;
  const pages = actions.data ? Math.max(1, Math.ceil(actions.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('board.title')}
        </Title>
        <Text maw={760}>
          {t(`board.intro_${user.role === 'operator' || user.role === 'pimpinan' || user.role === 'admin' ? user.role : 'koordinator'}`)}
        </Text>
      </Stack>
      <Group gap="sm">
        {user.role === 'koordinator' && <Button onClick={() => setAdding(true)}>{t('board.new')}</Button>}
        <Button component="a" href={actionsXlsxUrl(apiFilter, format.lang)} download variant="light">
          {t('board.export')}
        </Button>
        <AnchorLink to="/temuan" size="sm">
          {t('board.findings_link')}
        </AnchorLink>
      </Group>
      {actions.isPending ? (
        <PageLoader />
      ) : actions.isError ? (
        <ErrorView error={actions.error} onRetry={() => void actions.refetch()} compact />
      ) : (
        <ActionBoard
          page={actions.data}
          filter={filter}
          onFilter={onFilter}
          bodies={user.role === 'pimpinan' ? (bodies.data?.items ?? []).map((b) => ({ id: b.id, name: b.name })) : undefined}
          units={unitOptions}
          showBody={isProvince}
          link={(a) => (
            <AnchorLink to="/tindak-lanjut/$actionId" params={{ actionId: a.id }} fw={650}>
              {a.title}
            </AnchorLink>
          )}
          footer={
            pages > 1 && (
              <Group gap="sm">
                <Button
                  variant="default"
                  disabled={page <= 1}
                  onClick={() => void navigate({ search: (s) => ({ ...s, page: page - 1 > 1 ? page - 1 : undefined }) })}
                >
                  {t('board.prev')}
                </Button>
                <Text size="sm" className="tabular">
                  {format.integer(page)} / {format.integer(pages)}
                </Text>
                <Button
                  variant="default"
                  disabled={page >= pages}
                  onClick={() => void navigate({ search: (s) => ({ ...s, page: page + 1 }) })}
                >
                  {t('board.next')}
                </Button>
              </Group>
            )
          }
        />
      )}
      {user.role === 'koordinator' && (
        <PlanActionDialog
          opened={adding}
          onClose={() => setAdding(false)}
          from={null}
          units={(units.data?.items ?? []).map((u) => ({ id: u.id, name: u.name }))}
        />
      )}
    </Stack>
  );
}
