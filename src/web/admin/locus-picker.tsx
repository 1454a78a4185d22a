/**
 * Adds a body to the cycle's locus with the units to assess (all its active units ticked by
 * default). Bodies already in the locus keep their units; adding again adds missing ones.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAddLocusBody } from '../api/locus-writes.ts';
import { useUnits } from '../api/registry.ts';
import { BodyPicker } from './body-picker.tsx';
import { applyServerErrors } from './form-errors.ts';

interface Values {
  bodyId: string;
  unitIds: string[];
}

export function LocusPicker({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('admin');
  const add = useAddLocusBody(cycleId);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { bodyId: '', unitIds: [] },
    validate: {
      bodyId: (v) => (v ? null : t('validation.body')),
      unitIds: (v) => (v.length ? null : t('validation.units')),
    },
  });
  const { bodyId, unitIds } = form.getValues();
  const units = useUnits(bodyId || null, { page: 1, pageSize: 200, active: 'true' });

  // A newly chosen body starts with every active unit ticked.
  const loaded = units.data && bodyId ? units.data.items : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list for a body arrives; `form` changes identity on every render
  useEffect(() => {
    if (loaded)
      form.setFieldValue(
        'unitIds',
        loaded.map((u) => u.id),
      );
    // Only when the list for a body arrives: `form` changes identity on every render.
  }, [loaded]);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setAdded(null);
    try {
      const result = await add.mutateAsync({ bodyId: values.bodyId, unitIds: values.unitIds });
      setAdded(result.added.length);
      form.reset();
    } catch (error) {
      setFailure(applyServerErrors(form, t, error, ['bodyId', 'unitIds']));
    }
  });

  const bodyError = form.errors.bodyId;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="locus-add-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="locus-add-title">
            {t('locus.add.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('locus.add.intro')}
          </Text>
          {failure && (
            <Alert color="red" role="alert" title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          {added !== null && <Alert color="teal" role="status" title={t('locus.add.done', { count: added, n: added })} />}
          <BodyPicker
            label={t('locus.add.body')}
            required
            value={bodyId || null}
            onChange={(id) => form.setValues({ bodyId: id ?? '', unitIds: [] })}
            error={typeof bodyError === 'string' ? bodyError : null}
          />
          {bodyId && units.data && (
            <Checkbox.Group label={t('locus.add.units')} withAsterisk {...form.getInputProps('unitIds')}>
              <Stack gap={6} mt="xs">
                {units.data.items.map((u) => (
                  <Checkbox key={u.id} value={u.id} label={`${u.name} · ${t(`sectors.${u.sector}`)}`} />
                ))}
                {units.data.items.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('locus.add.no_units')}
                  </Text>
                )}
              </Stack>
            </Checkbox.Group>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {bodyId && units.data ? t('locus.add.selected', { n: unitIds.length, of: units.data.items.length }) : ''}
            </Text>
            <Button type="submit" loading={add.isPending}>
              {t('locus.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
