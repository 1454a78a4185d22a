/**
 * The pimpinan's fieldwork-team forms on the visit plan screen (issue 13 §5, §6): plan, change or
 * remove a visit for an asisten of its Perwakilan; set a unit's own quota within the scheme's
 * range with a reason; switch the team-lead review level on with its leads, or off. The server
 * decides (people of the Perwakilan, units of the locus, the range); its refusals show as sent.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitPlan } from '../../shared/wire/visits.ts';
import { useMe } from '../api/auth.ts';
import { useProgress } from '../api/locus.ts';
import { useUsers } from '../api/users.ts';
import { useTeamLevels, useUnitQuotas } from '../api/visits.ts';
import { useSavePlan, useSetTeamLeads, useSetUnitQuota } from '../api/visits-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { RangeNumberInput } from '../ui/range-number-input.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Option {
  value: string;
  label: string;
}

/** Active asisten of the caller's Perwakilan, as options. */
function useTeamOptions(): { options: Option[]; pending: boolean; provinceCode: string | null } {
  const me = useMe().data;
  const provinceCode = me?.provinceCode ?? null;
  const users = useUsers({ page: 1, pageSize: 200, role: 'asisten', province: provinceCode, active: 'true' }, !!provinceCode);
  return {
    provinceCode,
    pending: users.isPending,
    options: (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.username})` : u.username })),
  };
}

/** Units of the cycle's locus in the caller's Perwakilan (a vertical office's body has no province: its units are offered too). */
function useUnitOptions(cycleId: string): Option[] {
  const me = useMe().data;
  const progress = useProgress(cycleId);
  return (progress.data?.bodies ?? [])
    .filter((b) => !me?.provinceCode || b.provinceCode === null || b.provinceCode === me.provinceCode)
    .flatMap((b) => b.units.map((u) => ({ value: u.unitId, label: `${u.name} · ${b.name}` })));
}

/** Plan a visit (no `plan`) or change one: the day, whose plan, the team going along, the units, a note. */
export function PlanForm({ cycleId, plan, onDone }: { cycleId: string; plan?: VisitPlan; onDone: () => void }) {
  const { t } = useTranslation('review');
  const team = useTeamOptions();
  const unitOptions = useUnitOptions(cycleId);
  const save = useSavePlan(cycleId);
  const [date, setDate] = useState(plan?.date ?? '');
  const [assessorId, setAssessorId] = useState(plan?.assessor.id ?? '');
  const [teamIds, setTeamIds] = useState<string[]>(plan?.team.map((p) => p.id) ?? []);
  const [unitIds, setUnitIds] = useState<string[]>(plan?.units.map((u) => u.unitId) ?? []);
  const [note, setNote] = useState(plan?.note ?? '');
  const [tried, setTried] = useState(false);
  const problems = {
    date: DATE.test(date) ? null : t('visits.form.date_required'),
    assessorId: assessorId ? null : t('visits.form.assessor_required'),
    unitIds: unitIds.length > 0 ? null : t('visits.form.units_required'),
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(problems).some((p) => p !== null)) return;
    save.mutate(
      { id: plan?.id, input: { date, assessorId, teamIds: teamIds.filter((id) => id !== assessorId), unitIds, note: note.trim() || null } },
      { onSuccess: onDone },
    );
  };
  return (
    <Paper withBorder p="sm" maw={720} component="form" onSubmit={submit} noValidate data-testid="plan-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {plan ? t('visits.form.edit_title') : t('visits.form.new_title')}
        </Title>
        <TextInput
          type="date"
          label={t('visits.form.date')}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={tried && problems.date}
        />
        <NativeSelect
          label={t('visits.form.assessor')}
          required
          value={assessorId}
          onChange={(e) => setAssessorId(e.currentTarget.value)}
          data={[{ value: '', label: team.pending ? t('visits.form.loading') : t('visits.form.choose') }, ...team.options]}
          error={tried && problems.assessorId}
        />
        <MultiSelect
          label={t('visits.form.team')}
          data={team.options.filter((o) => o.value !== assessorId)}
          value={teamIds}
          onChange={setTeamIds}
          searchable
          clearable
        />
        <MultiSelect
          label={t('visits.form.units')}
          required
          data={unitOptions}
          value={unitIds}
          onChange={setUnitIds}
          searchable
          nothingFoundMessage={t('visits.form.no_units')}
          error={tried && problems.unitIds}
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

/** A unit's own quota: the instruments the scheme lets vary, the units' quotas set so far, and the form. */
export function QuotaPanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const quotas = useUnitQuotas(cycleId);
  const unitOptions = useUnitOptions(cycleId);
  const set = useSetUnitQuota(cycleId);
  const [unitId, setUnitId] = useState('');
  const [instrument, setInstrument] = useState('');
  const [target, setTarget] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  if (!quotas.data || quotas.data.instruments.length === 0) return null;
  const { instruments, items } = quotas.data;
  const chosen = instruments.find((i) => i.code === instrument);
  const title = (code: string) => instruments.find((i) => i.code === code)?.title[format.lang] ?? code;
  const inRange = typeof target === 'number' && !!chosen && target >= chosen.range.min && target <= chosen.range.max;
  const send = (back: boolean) => {
    setTried(true);
    if (!unitId || !chosen || reason.trim() === '' || (!back && !inRange)) return;
    set.mutate(
      { unitId, input: { instrument, target: back ? null : (target as number), reason: reason.trim() } },
      {
        onSuccess: () => {
          setTried(false);
          setReason('');
          setTarget('');
        },
      },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="quota-title" data-testid="quota-panel">
      <Title order={2} size="h4" id="quota-title">
        {t('visits.quota.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('visits.quota.rule')}
      </Text>
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table data-testid="quota-list">
            <Table.Tbody>
              {items.map((q) => (
                <Table.Tr key={`${q.unitId}-${q.instrument}`}>
                  <Table.Td>
                    <Text size="sm">
                      {q.unitName} · {q.bodyName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('visits.quota.set_by', { by: q.setBy, time: format.dateTime(q.setAt), reason: q.reason })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('visits.quota.value', {
                        instrument: title(q.instrument),
                        target: format.integer(q.target),
                        min: format.integer(q.min),
                      })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="sm" maw={720}>
        <Stack gap="sm">
          <NativeSelect
            label={t('visits.quota.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[{ value: '', label: t('visits.form.choose') }, ...unitOptions]}
            error={tried && !unitId && t('visits.quota.unit_required')}
          />
          <NativeSelect
            label={t('visits.quota.instrument')}
            value={instrument}
            onChange={(e) => setInstrument(e.currentTarget.value)}
            data={[
              { value: '', label: t('visits.form.choose') },
              ...instruments.map((i) => ({ value: i.code, label: i.title[format.lang] })),
            ]}
            error={tried && !chosen && t('visits.quota.instrument_required')}
          />
          <RangeNumberInput
            label={t('visits.quota.target')}
            description={
              chosen
                ? t('visits.quota.range', {
                    min: format.integer(chosen.range.min),
                    max: format.integer(chosen.range.max),
                    target: format.integer(chosen.target),
                  })
                : undefined
            }
            min={chosen?.range.min}
            max={chosen?.range.max}
            // Never clamped (RangeNumberInput); the scheme's own wording, the range is in the description.
            allowDecimal={false}
            allowNegative={false}
            value={target}
            onChange={setTarget}
            error={chosen && !inRange && (tried || typeof target === 'number') && t('visits.quota.out_of_range')}
          />
          <TextInput
            label={t('visits.quota.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && reason.trim() === '' && t('visits.quota.reason_required')}
          />
          {set.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, set.error)}
            </Alert>
          )}
          {set.isSuccess && (
            <Text size="sm" role="status">
              {t('visits.quota.saved', { target: format.integer(set.data.target), min: format.integer(set.data.min) })}
            </Text>
          )}
          <Group justify="flex-end" gap="sm" wrap="wrap">
            <Button variant="default" onClick={() => send(true)} loading={set.isPending}>
              {t('visits.quota.reset')}
            </Button>
            <Button onClick={() => send(false)} loading={set.isPending}>
              {t('visits.quota.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The cycle's team-lead review level of the pimpinan's Perwakilan: on with its leads, or off. */
export function TeamLeadsPanel({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const levels = useTeamLevels(cycleId);
  const team = useTeamOptions();
  const set = useSetTeamLeads(cycleId);
  const current = levels.data?.items.find((l) => l.provinceCode === team.provinceCode);
  const [draft, setDraft] = useState<{ enabled: boolean; leadIds: string[] } | null>(null);
  if (!levels.data || !team.provinceCode) return null;
  const value = draft ?? { enabled: !!current, leadIds: current?.leads.map((l) => l.id) ?? [] };
  const provinceCode = team.provinceCode;
  const missing = value.enabled && value.leadIds.length === 0;
  return (
    <Stack gap="xs" component="section" aria-labelledby="team-leads-title" data-testid="team-leads-panel">
      <Title order={2} size="h4" id="team-leads-title">
        {t('visits.leads.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {current
          ? t('visits.leads.on', {
              names: current.leads.map((l) => l.name || l.username).join(', '),
              by: current.setBy,
              time: format.dateTime(current.setAt),
            })
          : t('visits.leads.off')}
      </Text>
      <Paper withBorder p="sm" maw={720}>
        <Stack gap="sm">
          <Switch
            label={t('visits.leads.enabled')}
            checked={value.enabled}
            onChange={(e) => setDraft({ ...value, enabled: e.currentTarget.checked })}
          />
          {value.enabled && (
            <MultiSelect
              label={t('visits.leads.leads')}
              data={team.options}
              value={value.leadIds}
              onChange={(leadIds) => setDraft({ ...value, leadIds })}
              searchable
              error={missing && t('visits.leads.required')}
            />
          )}
          {set.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, set.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              disabled={draft === null || missing}
              loading={set.isPending}
              onClick={() =>
                set.mutate(
                  { provinceCode, enabled: value.enabled, leadIds: value.enabled ? value.leadIds : [] },
                  { onSuccess: () => setDraft(null) },
                )
              }
            >
              {t('visits.leads.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
