/**
 * The action board (issue 12): counts per status and timing over the board's scope (each a
 * button that filters), filters by government, unit, status, timing and source, and the list of
 * actions with their unit, person in charge, due date, status and timing. Presentational: the
 * screen passes the page from `GET /actions` and keeps the filter in the address.
 */
import type { ReactNode } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Action, ActionPage, ActionStatus, ActionTiming } from '../../shared/wire/actions.ts';
import { ACTION_SOURCES, ACTION_STATUSES } from '../../shared/wire/enums.ts';
import { useFormat } from '../lib/format.ts';
import { StatusBadge, STATUS_COLOR, TIMING_COLOR, TimingBadge } from './action-badges.tsx';

export interface BoardFilter {
  body?: string | undefined;
  unit?: string | undefined;
  status?: string | undefined;
  timing?: string | undefined;
  source?: string | undefined;
}

export interface Option {
  id: string;
  name: string;
}

export interface ActionBoardProps {
  page: ActionPage;
  filter: BoardFilter;
  onFilter: (next: BoardFilter) => void;
  /** Government filter (the pimpinan's province); omitted: no government filter. */
  bodies?: readonly Option[] | undefined;
  /** Unit filter (the chosen government's units); omitted: no unit filter. */
  units?: readonly Option[] | undefined;
  /** The title of each action as a link to its page. */
  link: (action: Action) => ReactNode;
  /** Show the government's name on each action (a province's board). */
  showBody?: boolean;
  /** Pagination under the list. */
  footer?: ReactNode;
}

const TIMINGS_SHOWN: ActionTiming[] = ['overdue', 'due_soon', 'on_track'];

function CountButton({
  label,
  value,
  active,
  color,
  onClick,
}: {
  label: string;
  value: string;
  active: boolean;
  color: string;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={active}
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        border: `1px solid ${active ? `var(--mantine-color-${color}-filled)` : 'var(--mantine-color-default-border)'}`,
        borderLeft: `4px solid var(--mantine-color-${color}-filled)`,
        background: active ? `var(--mantine-color-${color}-light)` : undefined,
      }}
    >
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text fw={700} size="xl" className="tabular" lh={1.3}>
        {value}
      </Text>
    </UnstyledButton>
  );
}

export function ActionBoard({ page, filter, onFilter, bodies, units, link, showBody, footer }: ActionBoardProps) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const s = page.summary;
  const set = (patch: BoardFilter) => onFilter({ ...filter, ...patch });
  const toggle = (key: 'status' | 'timing', value: string) => set({ [key]: filter[key] === value ? undefined : value });
  const filtered = !!(filter.body || filter.unit || filter.status || filter.timing || filter.source);
  const any = { value: '', label: t('board.any') };
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, xs: 4, md: 8 }} spacing="xs" role="group" aria-label={t('board.counts_label')}>
        <CountButton
          label={t('board.total')}
          value={format.integer(s.total)}
          color="gray"
          active={!filter.status && !filter.timing}
          onClick={() => set({ status: undefined, timing: undefined })}
        />
        {ACTION_STATUSES.map((st: ActionStatus) => (
          <CountButton
            key={st}
            label={t(`status.${st}`)}
            value={format.integer(s.byStatus[st] ?? 0)}
            color={STATUS_COLOR[st]}
            active={filter.status === st}
            onClick={() => toggle('status', st)}
          />
        ))}
        {TIMINGS_SHOWN.map((tm) => (
          <CountButton
            key={tm}
            label={t(`timing.${tm}`)}
            value={format.integer(s.byTiming[tm] ?? 0)}
            color={TIMING_COLOR[tm]}
            active={filter.timing === tm}
            onClick={() => toggle('timing', tm)}
          />
        ))}
      </SimpleGrid>

      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('board.filters')}>
        {bodies && (
          <NativeSelect
            label={t('board.filter_body')}
            value={filter.body ?? ''}
            onChange={(e) => set({ body: e.currentTarget.value || undefined, unit: undefined })}
            data={[any, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
            miw={200}
            style={{ flex: '1 1 200px' }}
          />
        )}
        {units && (
          <NativeSelect
            label={t('board.filter_unit')}
            value={filter.unit ?? ''}
            onChange={(e) => set({ unit: e.currentTarget.value || undefined })}
            data={[any, ...units.map((u) => ({ value: u.id, label: u.name }))]}
            miw={200}
            style={{ flex: '1 1 200px' }}
          />
        )}
        <NativeSelect
          label={t('board.filter_status')}
          value={filter.status ?? ''}
          onChange={(e) => set({ status: e.currentTarget.value || undefined })}
          data={[any, ...ACTION_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))]}
          style={{ flex: '1 1 160px' }}
        />
        <NativeSelect
          label={t('board.filter_timing')}
          value={filter.timing ?? ''}
          onChange={(e) => set({ timing: e.currentTarget.value || undefined })}
          data={[any, ...(['overdue', 'due_soon', 'on_track', 'closed'] as const).map((v) => ({ value: v, label: t(`timing.${v}`) }))]}
          style={{ flex: '1 1 160px' }}
        />
        <NativeSelect
          label={t('board.filter_source')}
          value={filter.source ?? ''}
          onChange={(e) => set({ source: e.currentTarget.value || undefined })}
          data={[any, ...ACTION_SOURCES.map((v) => ({ value: v, label: t(`source.${v}`) }))]}
          style={{ flex: '1 1 160px' }}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => onFilter({})}>
            {t('board.reset')}
          </Button>
        )}
      </Group>

      {page.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {filtered ? t('board.empty_filtered') : t('board.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('board.shown', { n: format.integer(page.items.length), total: format.integer(page.total) })}
          </Text>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('board.list_label')}>
            {page.items.map((a) => (
              <Paper key={a.id} component="li" withBorder p="sm" data-action={a.id}>
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
                      {link(a)}
                      <Text size="xs" c="dimmed">
                        {[a.unitName, showBody ? a.bodyName : null].filter(Boolean).join(' · ')}
                      </Text>
                    </Stack>
                    <Group gap={6}>
                      <StatusBadge status={a.status} />
                      <TimingBadge action={a} />
                    </Group>
                  </Group>
                  <Group gap="md" wrap="wrap">
                    <Text size="sm">{t('board.person', { name: a.personInCharge })}</Text>
                    <Text size="sm">{t('board.due', { date: format.date(a.dueDate) })}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`source.${a.sourceKind}`)}
                      {a.indicator ? ` · ${a.indicator}` : a.unsurCode ? ` · ${a.unsurCode}` : ''}
                    </Text>
                    {a.evidenceCount > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('board.evidence', { count: a.evidenceCount })}
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
          {footer}
        </>
      )}
    </Stack>
  );
}
