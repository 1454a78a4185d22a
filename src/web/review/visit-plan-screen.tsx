/**
 * The Perwakilan's visit plans of a cycle (issue 13 §5) for the pimpinan: progress against the
 * plan (the rule stated), a month calendar (plain CSS grid) and the list by day, each plan
 * changed or removed in place and new ones planned; a unit's own quota; the team-lead level and
 * the units waiting for a team lead (§6). The forms are in visit-plan-forms.tsx.
 */
import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { VisitPlan, VisitState } from '../../shared/wire/visits.ts';
import { useLeadQueue, useVisits } from '../api/visits.ts';
import { useDeletePlan } from '../api/visits-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { CycleZone } from '../ui/cycle-zone.tsx';
import { ButtonLink } from '../ui/links.tsx';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { Stat, UnitStatusBadge } from './review-bits.tsx';
import { PlanForm, QuotaPanel, TeamLeadsPanel } from './visit-plan-forms.tsx';
import './visit-plan.css';

const STATE_COLOR: Record<VisitState, string> = { visited: 'green', planned: 'blue', missed: 'orange' };

/** "YYYY-MM" of a month and its first/last day. */
function monthBounds(month: string): { from: string; to: string; days: number; firstWeekday: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // Monday first: 0 = Monday … 6 = Sunday.
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}`, days, firstWeekday };
}
const shiftMonth = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

function MonthCalendar({ month, plans, onMonth }: { month: string; plans: VisitPlan[]; onMonth: (m: string) => void }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { days, firstWeekday } = monthBounds(month);
  const byDay = new Map<number, VisitPlan[]>();
  for (const p of plans) {
    if (!p.date.startsWith(month)) continue;
    const d = Number(p.date.slice(8, 10));
    byDay.set(d, [...(byDay.get(d) ?? []), p]);
  }
  const weekdays = t('visits.weekdays').split(',');
  return (
    <Stack gap="xs" component="section" aria-labelledby="visit-calendar-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="visit-calendar-title">
          {t('visits.calendar', { month: format.date(`${month}-01`).replace(/^1\s/, '') })}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onMonth(shiftMonth(month, -1))}>
            {t('visits.prev')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onMonth(shiftMonth(month, 1))}>
            {t('visits.next')}
          </Button>
        </Group>
      </Group>
      <div className="visit-calendar">
        <div className="visit-calendar__row">
          {weekdays.map((w) => (
            <div key={w} className="visit-calendar__head">
              {w}
            </div>
          ))}
        </div>
        {Array.from({ length: Math.ceil((firstWeekday + days) / 7) }, (_, week) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: weeks of a month are positional
          <div key={week} className="visit-calendar__row">
            {Array.from({ length: 7 }, (_, wd) => {
              const day = week * 7 + wd - firstWeekday + 1;
              const inMonth = day >= 1 && day <= days;
              const here = inMonth ? (byDay.get(day) ?? []) : [];
              const units = here.flatMap((p) => p.units);
              return (
                <div
                  // biome-ignore lint/suspicious/noArrayIndexKey: days of a week are positional
                  key={wd}
                  className={`visit-calendar__cell${inMonth ? '' : ' visit-calendar__cell--out'}`}
                  data-testid={inMonth && here.length > 0 ? `visit-day-${day}` : undefined}
                >
                  {inMonth && <span className="visit-calendar__day">{day}</span>}
                  {units.length > 0 && (
                    <span className="visit-calendar__count">
                      {t('visits.units_short', { n: units.length, visited: units.filter((u) => u.state === 'visited').length })}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Stack>
  );
}

function PlanActions({ plan, onEdit }: { plan: VisitPlan; onEdit: () => void }) {
  const { t } = useTranslation('review');
  const remove = useDeletePlan();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap={4}>
      <Group gap="xs" justify="flex-end">
        {confirming ? (
          <>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              {t('visits.form.cancel')}
            </Button>
            <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(plan.id)}>
              {t('visits.form.confirm_delete')}
            </Button>
          </>
        ) : (
          <>
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('visits.form.edit')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
              {t('visits.form.delete')}
            </Button>
          </>
        )}
      </Group>
      {remove.isError && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(t, remove.error)}
        </Text>
      )}
    </Stack>
  );
}

function PlanList({ cycleId, plans, editable }: { cycleId: string; plans: VisitPlan[]; editable: boolean }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  if (plans.length === 0) return <Text c="dimmed">{t('visits.none')}</Text>;
  return (
    <Stack gap="sm" data-testid="visit-list">
      {plans.map((p) =>
        editing === p.id ? (
          <PlanForm key={p.id} cycleId={cycleId} plan={p} onDone={() => setEditing(null)} />
        ) : (
          <Paper key={p.id} withBorder p="sm" data-testid="visit-plan">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={650}>{format.date(p.date)}</Text>
                <Text size="sm">{t('visits.visited_of', { visited: p.visited, n: p.units.length })}</Text>
              </Group>
              <Text size="sm">{t('visits.team', { names: [p.assessor, ...p.team].map((x) => x.name || x.username).join(', ') })}</Text>
              {p.units.map((u) => (
                <Group key={u.unitId} gap="xs" wrap="wrap">
                  <Badge color={STATE_COLOR[u.state]} variant="light" c="var(--mantine-color-text)" tt="none">
                    {t(`visits.state.${u.state}`)}
                  </Badge>
                  <Text size="sm" className="visit-unit-name">
                    {u.name} · {u.bodyName}
                  </Text>
                </Group>
              ))}
              {p.note && (
                <Text size="sm" c="dimmed">
                  {p.note}
                </Text>
              )}
              {editable && <PlanActions plan={p} onEdit={() => setEditing(p.id)} />}
            </Stack>
          </Paper>
        ),
      )}
    </Stack>
  );
}

function LeadQueuePanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const queue = useLeadQueue(cycleId);
  if (queue.isPending) return null;
  if (queue.isError) return <ErrorView error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="lead-queue-title">
      <Title order={2} size="h4" id="lead-queue-title">
        {t('visits.lead_queue', { n: queue.data.items.length })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('visits.lead_rule')}
      </Text>
      {queue.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table data-testid="lead-queue">
            <Table.Tbody>
              {queue.data.items.map((i) => (
                <Table.Tr key={i.unitId}>
                  <Table.Td>
                    <Text size="sm">
                      {i.name} · {i.bodyName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('visits.since', { date: format.dateTime(i.since), who: i.assessor?.name ?? '—' })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <UnitStatusBadge status={i.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function VisitPlanScreen() {
  const { t } = useTranslation('review');
  const { cycleId } = useParams({ from: '/review/cycles/$cycleId/kunjungan' });
  return (
    <CycleZone cycleId={cycleId}>
      <Stack gap={4}>
        {/* The walk: the plan had no way back to its cycle but the menu. */}
        <ButtonLink to="/review/cycles/$cycleId" params={{ cycleId }} variant="subtle" px={0} w="fit-content">
          {t('visits.back')}
        </ButtonLink>
        <VisitPlanView cycleId={cycleId} />
      </Stack>
    </CycleZone>
  );
}

/** The screen's body for one cycle (tests render it without the router). */
export function VisitPlanView({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const all = useVisits(cycleId);
  const [month, setMonth] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (all.isPending) return <PageLoader />;
  if (all.isError) return <ErrorView error={all.error} onRetry={() => void all.refetch()} />;
  const { items, progress } = all.data;
  const shown = month ?? items[0]?.date.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('visits.title')}
      </Title>
      <Text size="sm" data-testid="visit-rule">
        {t('visits.rule')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat fz={24} label={t('visits.stat.planned_units')} value={format.integer(progress.plannedUnits)} testId="visit-stat-planned" />
        <Stat fz={24} label={t('visits.state.visited')} value={format.integer(progress.visited)} testId="visit-stat-visited" />
        <Stat fz={24} label={t('visits.state.planned')} value={format.integer(progress.planned)} testId="visit-stat-upcoming" />
        <Stat fz={24} label={t('visits.state.missed')} value={format.integer(progress.missed)} testId="visit-stat-missed" />
      </SimpleGrid>
      <PanelBoundary>
        <MonthCalendar month={shown} plans={items} onMonth={setMonth} />
      </PanelBoundary>
      <Stack gap="xs" component="section" aria-labelledby="visit-list-title">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="visit-list-title">
            {t('visits.list', { n: progress.plans })}
          </Title>
          {!adding && (
            <Button size="xs" onClick={() => setAdding(true)}>
              {t('visits.form.new')}
            </Button>
          )}
        </Group>
        {adding && (
          <PanelBoundary>
            <PlanForm cycleId={cycleId} onDone={() => setAdding(false)} />
          </PanelBoundary>
        )}
        <PlanList cycleId={cycleId} plans={items} editable />
      </Stack>
      <PanelBoundary>
        <QuotaPanel cycleId={cycleId} />
      </PanelBoundary>
      <PanelBoundary>
        <TeamLeadsPanel cycleId={cycleId} />
      </PanelBoundary>
      <PanelBoundary>
        <LeadQueuePanel cycleId={cycleId} />
      </PanelBoundary>
    </Stack>
  );
}
