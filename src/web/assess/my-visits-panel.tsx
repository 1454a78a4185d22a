/**
 * The asisten's own visit plan on its home (issue 13 §5): per open cycle it is assigned in, the
 * visits of today and the coming days with their units and each unit's state, progress against
 * the plan, and a short form to plan its own visit (a day, units it is assigned, a note). The
 * server keeps the rule (`GET /cycles/:c/visits`: visited = sheets captured that day or handed in).
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarDay, type Zone, zoneOf } from '../../shared/local-time.ts';
import type { VisitPlan, VisitState } from '../../shared/wire/visits.ts';
import { useAssignments } from '../api/locus.ts';
import { useVisits } from '../api/visits.ts';
import { useDeletePlan, useSavePlan } from '../api/visits-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';

const STATE_COLOR: Record<VisitState, string> = { visited: 'green', planned: 'blue', missed: 'orange' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface UnitOption {
  value: string;
  label: string;
}

function OwnPlanForm({ cycleId, units, zone, onDone }: { cycleId: string; units: UnitOption[]; zone: Zone; onDone: () => void }) {
  const { t } = useTranslation('assess');
  const save = useSavePlan(cycleId);
  const [date, setDate] = useState(() => calendarDay(new Date(), zone));
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!DATE.test(date) || unitIds.length === 0) return;
    save.mutate({ input: { date, unitIds, note: note.trim() || null } }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate data-testid="own-plan-form">
      <Stack gap="sm">
        <TextInput
          type="date"
          label={t('visits.form.date')}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={tried && !DATE.test(date) && t('visits.form.date_required')}
        />
        <MultiSelect
          label={t('visits.form.units')}
          required
          data={units}
          value={unitIds}
          onChange={setUnitIds}
          searchable
          error={tried && unitIds.length === 0 && t('visits.form.units_required')}
        />
        <Textarea label={t('visits.form.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, save.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {t('visits.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('visits.form.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PlanCard({ plan, today, mine }: { plan: VisitPlan; today: string; mine: boolean }) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const remove = useDeletePlan();
  return (
    <Paper withBorder p="sm" data-testid="my-visit">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={650}>{plan.date === today ? t('visits.today', { date: format.date(plan.date) }) : format.date(plan.date)}</Text>
          <Text size="sm">{t('visits.visited_of', { visited: plan.visited, n: plan.units.length })}</Text>
        </Group>
        {plan.team.length > 0 && (
          <Text size="sm">{t('visits.team', { names: [plan.assessor, ...plan.team].map((x) => x.name || x.username).join(', ') })}</Text>
        )}
        {plan.units.map((u) => (
          <Group key={u.unitId} gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={STATE_COLOR[u.state]} variant="light" c="var(--mantine-color-text)" tt="none" style={{ flexShrink: 0 }}>
              {t(`visits.state.${u.state}`)}
            </Badge>
            <Text size="sm">
              {u.name} · {u.bodyName}
            </Text>
          </Group>
        ))}
        {plan.note && (
          <Text size="sm" c="dimmed">
            {plan.note}
          </Text>
        )}
        {mine && plan.date >= today && (
          <Group justify="flex-end">
            <Button size="xs" variant="default" color="red" loading={remove.isPending} onClick={() => remove.mutate(plan.id)}>
              {t('visits.remove')}
            </Button>
          </Group>
        )}
        {remove.isError && (
          <Text size="xs" c="red" role="alert">
            {errorMessage(t, remove.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function CycleVisits({
  cycleId,
  cycleName,
  units,
  meId,
  provinceCode,
}: {
  cycleId: string;
  cycleName: string;
  units: UnitOption[];
  meId: string;
  provinceCode: string | null;
}) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const visits = useVisits(cycleId);
  const [adding, setAdding] = useState(false);
  // Today in the Perwakilan's zone, as the server counts visits.
  const zone = zoneOf(provinceCode);
  const today = calendarDay(new Date(), zone);
  if (visits.isPending) return null;
  if (visits.isError)
    return (
      <Text size="sm" c="dimmed">
        {errorMessage(t, visits.error)}
      </Text>
    );
  const { items, progress } = visits.data;
  const coming = items.filter((p) => p.date >= today);
  return (
    <Stack gap="xs" data-testid="my-visits-cycle">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{cycleName}</Text>
        {!adding && units.length > 0 && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('visits.plan')}
          </Button>
        )}
      </Group>
      {progress.plannedUnits > 0 && (
        <Text size="sm" data-testid="my-visits-progress">
          {t('visits.progress', {
            visited: format.integer(progress.visited),
            n: format.integer(progress.plannedUnits),
            missed: format.integer(progress.missed),
          })}
        </Text>
      )}
      {adding && <OwnPlanForm cycleId={cycleId} units={units} zone={zone} onDone={() => setAdding(false)} />}
      {coming.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('visits.none_coming')}
        </Text>
      ) : (
        coming.map((p) => <PlanCard key={p.id} plan={p} today={today} mine={p.assessor.id === meId} />)
      )}
    </Stack>
  );
}

/** The asisten's visits in the open cycles it is assigned in. */
export function MyVisitsPanel({ meId, provinceCode }: { meId: string; provinceCode: string | null }) {
  const { t } = useTranslation('assess');
  const assignments = useAssignments();
  if (!assignments.data) return null;
  const cycles = new Map<string, { name: string; units: UnitOption[] }>();
  for (const a of assignments.data) {
    if (a.cycle.status !== 'fieldwork' && a.cycle.status !== 'review') continue;
    const c = cycles.get(a.cycle.id) ?? { name: a.cycle.name, units: [] };
    c.units.push({ value: a.unit.unitId, label: `${a.unit.name} · ${a.body.name}` });
    cycles.set(a.cycle.id, c);
  }
  if (cycles.size === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-visits-title" data-testid="my-visits">
      <Title order={2} size="h4" id="my-visits-title">
        {t('visits.title')}
      </Title>
      {[...cycles.entries()].map(([id, c]) => (
        <CycleVisits key={id} cycleId={id} cycleName={c.name} units={c.units} meId={meId} provinceCode={provinceCode} />
      ))}
    </Stack>
  );
}
