/**
 * "Ubah rencana": the koordinator edits an open action's plan — its unit (OPD; a manual action
 * only, within the government), title, person in charge, due date, target level and notes —
 * through `PATCH /actions/:id`; only the changed fields are sent. A refusal is shown translated
 * and nothing changes.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ActionDetail, ActionPatchIn } from '../../shared/wire/actions.ts';
import { useUpdateAction } from '../api/actions-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { ActionPlanFields, type ActionPlanValues, TARGET_LEVEL } from './plan-action-dialog.tsx';
import { outOfRange } from '../ui/range-number-input.tsx';

export interface EditActionDialogProps {
  opened: boolean;
  onClose: () => void;
  action: ActionDetail;
  /** The government's units (a manual action may move among them). */
  units: readonly { id: string; name: string }[];
}

export function EditActionDialog({ opened, onClose, action, units }: EditActionDialogProps) {
  const { t } = useTranslation('improve');
  return (
    <Modal opened={opened} onClose={onClose} title={t('edit.title')} size="lg">
      {opened && <EditForm action={action} units={units} onClose={onClose} />}
    </Modal>
  );
}

/** The fields that differ from the action (trimmed; an emptied note or target clears it). */
export function planChanges(
  a: Pick<ActionDetail, 'unitId' | 'title' | 'personInCharge' | 'dueDate' | 'targetLevel' | 'notes'>,
  v: { unitId: string; title: string; person: string; due: string; target: number | ''; notes: string },
): ActionPatchIn {
  const patch: ActionPatchIn = {};
  if (v.unitId !== a.unitId) patch.unitId = v.unitId;
  if (v.title.trim() !== a.title) patch.title = v.title.trim();
  if (v.person.trim() !== a.personInCharge) patch.personInCharge = v.person.trim();
  if (v.due !== a.dueDate) patch.dueDate = v.due;
  const target = v.target === '' ? null : v.target;
  if (target !== a.targetLevel) patch.targetLevel = target;
  const notes = v.notes.trim() ? v.notes.trim() : null;
  if (notes !== a.notes) patch.notes = notes;
  return patch;
}

function EditForm({ action: a, units, onClose }: Omit<EditActionDialogProps, 'opened'>) {
  const { t } = useTranslation('improve');
  const update = useUpdateAction(a.id);
  const [unitId, setUnitId] = useState(a.unitId);
  const [v, setV] = useState<ActionPlanValues>({
    title: a.title,
    person: a.personInCharge,
    due: a.dueDate,
    target: a.targetLevel ?? '',
    notes: a.notes ?? '',
  });
  const [tried, setTried] = useState(false);
  const missing = (v: string) => (tried && !v.trim() ? t('plan.required') : null);
  const movable = a.sourceKind === 'manual';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!v.title.trim() || !v.person.trim() || !v.due || outOfRange(v.target, TARGET_LEVEL)) return;
    const patch = planChanges(a, { unitId, ...v });
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate(patch, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('edit.saved') });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {movable ? (
          <NativeSelect
            label={t('plan.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={(units.some((u) => u.id === a.unitId) ? units : [{ id: a.unitId, name: a.unitName }, ...units]).map((u) => ({
              value: u.id,
              label: u.name,
            }))}
          />
        ) : (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {t('plan.unit')}
            </Text>
            <Text size="sm">{a.unitName}</Text>
            <Text size="xs" c="dimmed">
              {t('edit.unit_fixed')}
            </Text>
          </Stack>
        )}
        <ActionPlanFields value={v} onChange={setV} missing={missing} />
        {update.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, update.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('plan.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('edit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
