/** New cycle: name, year and scheme; the server freezes the scheme's content hash on it. */
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CycleIn } from '../../shared/wire/cycles.ts';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { applyServerErrors } from './form-errors.ts';
import { SchemePicker } from './scheme-picker.tsx';

const FIELDS = ['name', 'year', 'schemeId'] as const;

export interface CycleFormProps {
  onSubmit: (input: CycleIn) => Promise<unknown>;
  onCancel: () => void;
  /** Default year; the current year when absent. */
  year?: number;
}

export function CycleForm({ onSubmit, onCancel, year }: CycleFormProps) {
  const { t } = useTranslation('admin');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<{ name: string; year: number | string; schemeId: string }>({
    mode: 'controlled',
    initialValues: { name: '', year: year ?? new Date().getFullYear(), schemeId: '' },
    validate: {
      name: (v) => {
        const n = v.trim().length;
        if (n === 0) return t('validation.required');
        return n < 3 || n > 200 ? t('validation.length', { min: 3, max: 200 }) : null;
      },
      year: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100 ? null : t('validation.year', { min: 2000, max: 2100 }),
      schemeId: (v) => (v ? null : t('validation.scheme')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit({ name: values.name.trim(), year: Number(values.year), schemeId: values.schemeId });
    } catch (error) {
      setFailure(applyServerErrors(form, t, error, FIELDS));
    } finally {
      setPending(false);
    }
  });

  const schemeError = form.errors.schemeId;
  return (
    <form onSubmit={submit} noValidate aria-label={t('cycles.form.title')}>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert" title={t('common.failed')}>
            {failure}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('cycles.form.name')}
            placeholder={t('cycles.form.name_placeholder')}
            required
            miw={220}
            {...form.getInputProps('name')}
          />
          <NumberInput
            label={t('cycles.form.year')}
            required
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            maw={{ sm: 160 }}
            {...form.getInputProps('year')}
          />
        </Group>
        <PanelBoundary>
          <SchemePicker
            value={form.getValues().schemeId}
            onChange={(v) => form.setFieldValue('schemeId', v)}
            error={typeof schemeError === 'string' ? schemeError : null}
          />
        </PanelBoundary>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('cycles.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
