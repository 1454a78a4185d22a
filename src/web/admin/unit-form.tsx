/**
 * Create or edit a service unit: name and sector, checked with the wire's `UnitIn` and worded in
 * the user's language; the server's refusals land on their field (or above the form).
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../shared/wire/enums.ts';
import { type Sector, type Unit, UnitIn } from '../../shared/wire/registry.ts';
import { boundsOf, fieldProblems } from '../lib/form-schema.ts';
import { applyServerErrors } from './form-errors.ts';

export interface UnitFormProps {
  /** The unit being edited; absent for a new one. */
  unit?: Pick<Unit, 'name' | 'sector'>;
  onSubmit: (input: UnitIn) => Promise<unknown>;
  onCancel: () => void;
}

const FIELDS = ['name', 'sector'] as const;

export function UnitForm({ unit, onSubmit, onCancel }: UnitFormProps) {
  const { t } = useTranslation('admin');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<{ name: string; sector: Sector | '' }>({
    mode: 'controlled',
    initialValues: { name: unit?.name ?? '', sector: unit?.sector ?? '' },
    validate: (values) => {
      const p = fieldProblems(UnitIn, values);
      return {
        name: p.name && (p.name === 'required' ? t('validation.required') : t('validation.length', boundsOf(UnitIn.shape.name))),
        sector: p.sector && t('validation.choose'),
      };
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit({ name: values.name.trim(), sector: values.sector as Sector });
    } catch (error) {
      setFailure(applyServerErrors(form, t, error, FIELDS));
    } finally {
      setPending(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert" title={t('common.failed')}>
            {failure}
          </Alert>
        )}
        <TextInput label={t('units.form.name')} required data-autofocus {...form.getInputProps('name')} />
        <NativeSelect
          label={t('units.form.sector')}
          required
          data={[{ value: '', label: t('units.form.sector_placeholder') }, ...SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))]}
          {...form.getInputProps('sector')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {unit ? t('units.form.save') : t('units.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
