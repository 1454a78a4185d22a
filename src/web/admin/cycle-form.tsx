/**
 * New cycle: name, year and scheme, checked with the wire's `CycleIn` before sending; the server
 * freezes the scheme's content hash on it.
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CycleIn } from '../../shared/wire/cycles.ts';
import { boundsOf, fieldProblems } from '../lib/form-schema.ts';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { applyServerErrors } from './form-errors.ts';
import { SchemePicker } from './scheme-picker.tsx';
import { RangeNumberInput } from '../ui/range-number-input.tsx';

const FIELDS = ['name', 'year', 'schemeId'] as const;

interface CycleFormValues {
  name: string;
  year: number | string;
  schemeId: string;
}

const YEARS = boundsOf(CycleIn.shape.year);

const toCycleIn = (v: CycleFormValues): CycleIn => ({
  name: v.name.trim(),
  year: typeof v.year === 'number' ? v.year : Number.NaN,
  schemeId: v.schemeId,
});

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
  const form = useForm<CycleFormValues>({
    mode: 'controlled',
    initialValues: { name: '', year: year ?? new Date().getFullYear(), schemeId: '' },
    validate: (values) => {
      const p = fieldProblems(CycleIn, toCycleIn(values));
      return {
        name: p.name && (p.name === 'required' ? t('validation.required') : t('validation.length', boundsOf(CycleIn.shape.name))),
        year: p.year && t('validation.year', boundsOf(CycleIn.shape.year)),
        schemeId: p.schemeId && t('validation.scheme'),
      };
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit(toCycleIn(values));
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
          <RangeNumberInput
            label={t('cycles.form.year')}
            required
            min={YEARS.min}
            max={YEARS.max}
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
