/**
 * "Buat rencana aksi": the koordinator plans a follow-up action — from a finding (unit, indicator,
 * target level and a title prefilled) or by hand on a unit chosen here. Saved through
 * `POST /units/:unitId/actions`; a refusal is shown translated and nothing changes.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { addDays, calendarDay, type Zone } from '../../shared/local-time.ts';
import { type ActionDetail, ActionIn } from '../../shared/wire/actions.ts';
import { ACTION_NOTE_MAX, ACTION_TITLE_MAX } from '../../shared/wire/limits.ts';
import { usePlanAction } from '../api/actions-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useZone } from '../lib/format.ts';
import type { Option } from './action-board.tsx';
import { outOfRange, RangeNumberInput } from '../ui/range-number-input.tsx';
import { boundsOf } from '../lib/form-schema.ts';

/** An action's target level: the server's bounds. */
export const TARGET_LEVEL = boundsOf(ActionIn.shape.targetLevel);

export interface PlanFrom {
  unitId: string;
  unitName: string;
  cycleId?: string;
  findingId?: string;
  indicator?: string;
  title?: string;
  targetLevel?: number;
}

/** The calendar day `days` after today in the zone ("YYYY-MM-DD"): a default due date. */
export function dateAhead(days: number, zone: Zone, now: number | Date = Date.now()): string {
  return addDays(calendarDay(now, zone), days);
}

export interface PlanActionDialogProps {
  opened: boolean;
  onClose: () => void;
  /** A finding's unit and indicator, or null: choose the unit among `units`. */
  from: PlanFrom | null;
  units?: readonly Option[];
  onSaved?: (action: ActionDetail) => void;
}

export function PlanActionDialog({ opened, onClose, from, units, onSaved }: PlanActionDialogProps) {
  const { t } = useTranslation('improve');
  return (
    <Modal opened={opened} onClose={onClose} title={t('plan.title')} size="lg">
      {opened && <PlanForm from={from} units={units} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function PlanForm({ from, units, onClose, onSaved }: Omit<PlanActionDialogProps, 'opened'>) {
  const { t } = useTranslation('improve');
  const plan = usePlanAction();
  const zone = useZone();
  const [unitId, setUnitId] = useState(from?.unitId ?? '');
  const [v, setV] = useState<ActionPlanValues>({
    title: from?.title ?? '',
    person: '',
    due: dateAhead(90, zone),
    target: from?.targetLevel ?? '',
    notes: '',
  });
  const [tried, setTried] = useState(false);
  const missing = (v: string) => (tried && !v.trim() ? t('plan.required') : null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!unitId || !v.title.trim() || !v.person.trim() || !v.due || outOfRange(v.target, TARGET_LEVEL)) return;
    const input: ActionIn = {
      sourceKind: from?.findingId ? 'finding' : 'manual',
      title: v.title.trim(),
      personInCharge: v.person.trim(),
      dueDate: v.due,
      ...(from?.findingId ? { findingId: from.findingId } : {}),
      ...(from?.cycleId ? { cycleId: from.cycleId } : {}),
      ...(from?.indicator ? { indicator: from.indicator } : {}),
      ...(v.target !== '' ? { targetLevel: v.target } : {}),
      ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
    };
    plan.mutate(
      { unitId, input },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: t('plan.saved') });
          onSaved?.(a);
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {from ? (
          <Text size="sm" c="dimmed">
            {from.indicator ? t('plan.from_finding', { indicator: from.indicator, unit: from.unitName }) : from.unitName}
          </Text>
        ) : (
          <NativeSelect
            label={t('plan.unit')}
            required
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[{ value: '', label: t('plan.unit_pick') }, ...(units ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            error={missing(unitId)}
          />
        )}
        <ActionPlanFields value={v} onChange={setV} missing={missing} />
        {plan.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, plan.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('plan.cancel')}
          </Button>
          <Button type="submit" loading={plan.isPending}>
            {t('plan.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface ActionPlanValues {
  title: string;
  person: string;
  due: string;
  target: number | '';
  notes: string;
}

/** An action's plan as the plan and edit dialogs ask it: title, person in charge, due date, target level, notes. */
export function ActionPlanFields({
  value,
  onChange,
  missing,
}: {
  value: ActionPlanValues;
  onChange: (value: ActionPlanValues) => void;
  /** The "required" message once the user tried to save with the field empty. */
  missing: (v: string) => string | null | undefined;
}) {
  const { t } = useTranslation('improve');
  const set = (patch: Partial<ActionPlanValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <Textarea
        label={t('plan.action_title')}
        required
        autosize
        minRows={2}
        maxLength={ACTION_TITLE_MAX}
        value={value.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={missing(value.title)}
      />
      <TextInput
        label={t('plan.person')}
        description={t('plan.person_hint')}
        required
        maxLength={200}
        value={value.person}
        onChange={(e) => set({ person: e.currentTarget.value })}
        error={missing(value.person)}
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t('plan.due')}
          required
          value={value.due}
          onChange={(e) => set({ due: e.currentTarget.value })}
          error={missing(value.due)}
          miw={160}
        />
        <RangeNumberInput
          label={t('plan.target')}
          {...TARGET_LEVEL}
          value={value.target}
          onChange={(v) => set({ target: typeof v === 'number' ? v : '' })}
          miw={120}
        />
      </Group>
      <Textarea
        label={t('plan.notes')}
        autosize
        minRows={2}
        maxLength={ACTION_NOTE_MAX}
        value={value.notes}
        onChange={(e) => set({ notes: e.currentTarget.value })}
      />
    </>
  );
}
