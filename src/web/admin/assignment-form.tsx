/**
 * Assessor and due date for one unit or all units of a body. Only active asisten accounts of
 * the body's province are offered (the server refuses others with `assessor.invalid`).
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/users.ts';
import { applyServerErrors } from './form-errors.ts';

export interface AssignmentValues {
  assessorId: string | null;
  dueDate: string | null;
}

export interface AssignmentFormProps {
  provinceCode: string | null;
  initial: AssignmentValues;
  /** How many units the assignment applies to. */
  units: number;
  onSubmit: (values: AssignmentValues) => Promise<unknown>;
  onCancel: () => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function AssignmentForm({ provinceCode, initial, units, onSubmit, onCancel }: AssignmentFormProps) {
  const { t } = useTranslation('admin');
  const [failure, setFailure] = useState<string | null>(null);
  const assessors = useUsers({ page: 1, pageSize: 200, role: 'asisten', province: provinceCode, active: 'true' });
  const form = useForm<{ assessorId: string; dueDate: string }>({
    mode: 'controlled',
    initialValues: { assessorId: initial.assessorId ?? '', dueDate: initial.dueDate ?? '' },
    validate: {
      assessorId: (v) => (v ? null : t('validation.assessor')),
      dueDate: (v) => (DATE.test(v) && !Number.isNaN(Date.parse(v)) ? null : t('validation.due_date')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit({ assessorId: values.assessorId, dueDate: values.dueDate });
    } catch (error) {
      setFailure(applyServerErrors(form, t, error, ['assessorId', 'dueDate']));
    }
  });

  const options = (assessors.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {units > 1 && <Text size="sm">{t('assign.applies_to', { n: units })}</Text>}
        {failure && (
          <Alert color="red" role="alert" title={t('common.failed')}>
            {failure}
          </Alert>
        )}
        <NativeSelect
          label={t('assign.assessor')}
          required
          data-autofocus
          data={[{ value: '', label: assessors.isPending ? t('common.loading') : t('assign.assessor_placeholder') }, ...options]}
          {...form.getInputProps('assessorId')}
        />
        {assessors.data && options.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('assign.no_assessors')}
          </Text>
        )}
        <TextInput type="date" label={t('assign.due_date')} required {...form.getInputProps('dueDate')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('assign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
