/**
 * Survey set-up (issue 11): the unit (a koordinator chooses among the body's units), the period,
 * the services covered, the expected service users → the minimum sample shown live from the
 * engine's Krejcie–Morgan function, and the open and close days in the body's zone. Checked
 * with the wire's `SurveyIn` before sending; the server's refusal is shown translated.
 */
import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PeriodKind, Sampling } from '../../core/types.ts';
import { periodLabel } from '../../core/period-label.ts';
import { SurveyIn } from '../../shared/wire/surveys.ts';
import { errorMessage } from '../lib/error-message.ts';
import { boundsOf } from '../lib/form-schema.ts';
import { useFormat } from '../lib/format.ts';
import {
  minimumSample,
  PERIOD_KINDS,
  PERIODS_PER_YEAR,
  periodDays,
  type SetupValues,
  setupProblems,
  toSurveyIn,
  zoneOfOffset,
} from './survey-model.ts';
import { RangeNumberInput } from '../ui/range-number-input.tsx';

const YEARS = boundsOf(SurveyIn.shape.year);
const USERS = boundsOf(SurveyIn.shape.expectedUsers);

export interface SurveySetupFormProps {
  /** The units the caller may choose from (one for an operator: then no choice is shown). */
  units: { id: string; name: string }[];
  /** The library's sampling constants (skm-2017); null while they load. */
  sampling: Sampling | null;
  /** The body's UTC offset (WIB 420). */
  offsetMinutes: number;
  /** Today, for the default period (the current quarter). */
  today?: Date;
  onSubmit: (unitId: string, input: SurveyIn) => Promise<unknown>;
  onCancel: () => void;
}

function initialValues(units: { id: string }[], offsetMinutes: number, today: Date): SetupValues {
  const local = new Date(today.getTime() + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  const index = String(Math.floor(local.getUTCMonth() / 3) + 1);
  const days = periodDays('quarter', year, index, offsetMinutes);
  return {
    unitId: units.length === 1 ? units[0]!.id : '',
    periodKind: 'quarter',
    year,
    index,
    services: '',
    expectedUsers: '',
    opensOn: days?.first ?? '',
    closesOn: days?.last ?? '',
  };
}

export function SurveySetupForm({ units, sampling, offsetMinutes, today = new Date(), onSubmit, onCancel }: SurveySetupFormProps) {
  const { t } = useTranslation('surveys');
  const f = useFormat();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<SetupValues>({
    mode: 'controlled',
    initialValues: initialValues(units, offsetMinutes, today),
    validate: (values) => {
      const p = setupProblems(values, offsetMinutes);
      const date = (x: string | undefined) => x && (x === 'dates_order' ? t('validation.dates_order') : t('validation.date'));
      return {
        unitId: values.unitId === '' ? t('validation.required') : null,
        year: p.year && t('validation.year', YEARS),
        index: p.index && t('validation.required'),
        services: p.services && t('validation.services'),
        expectedUsers: p.expectedUsers && t('validation.expected_users', { min: USERS.min, max: f.integer(USERS.max) }),
        opensOn: date(p.opensAt),
        closesOn: date(p.closesAt),
      };
    },
  });
  const values = form.getValues();

  // A new period moves the open and close days to its first and last days.
  const setPeriod = (patch: Partial<Pick<SetupValues, 'periodKind' | 'year' | 'index'>>) => {
    const next = { ...form.getValues(), ...patch };
    if (patch.periodKind && Number(next.index) > PERIODS_PER_YEAR[patch.periodKind]) next.index = '1';
    const days = periodDays(next.periodKind, next.year, next.index, offsetMinutes);
    form.setValues({ ...next, ...(days ? { opensOn: days.first, closesOn: days.last } : {}) });
  };

  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit(v.unitId, toSurveyIn(v, offsetMinutes));
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  });

  const year = typeof values.year === 'number' ? values.year : new Date().getFullYear();
  const indexOptions = Array.from({ length: PERIODS_PER_YEAR[values.periodKind] }, (_, k) => {
    const i = k + 1;
    const key =
      values.periodKind === 'month'
        ? `${year}-${String(i).padStart(2, '0')}`
        : values.periodKind === 'quarter'
          ? `${year}-Q${i}`
          : `${year}-S${i}`;
    return { value: String(i), label: periodLabel(key, f.lang) };
  });
  const sample = minimumSample(sampling, values.expectedUsers);

  return (
    <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert" title={t('setup.failed')}>
            {failure}
          </Alert>
        )}
        {units.length > 1 && (
          <Select
            label={t('setup.unit')}
            required
            searchable
            data={units.map((u) => ({ value: u.id, label: u.name }))}
            {...form.getInputProps('unitId')}
          />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('setup.period_kind')}
            required
            allowDeselect={false}
            miw={160}
            data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`setup.period_kinds.${k}`) }))}
            value={values.periodKind}
            onChange={(v) => v && setPeriod({ periodKind: v as PeriodKind })}
          />
          <RangeNumberInput
            label={t('setup.year')}
            required
            min={YEARS.min}
            max={YEARS.max}
            allowDecimal={false}
            thousandSeparator=""
            miw={120}
            {...form.getInputProps('year')}
            onChange={(v) => setPeriod({ year: v })}
          />
          {values.periodKind !== 'year' && (
            <Select
              label={t('setup.index')}
              required
              allowDeselect={false}
              miw={180}
              data={indexOptions}
              {...form.getInputProps('index')}
              onChange={(v) => v && setPeriod({ index: v })}
            />
          )}
        </Group>
        <Textarea
          label={t('setup.services')}
          description={t('setup.services_hint')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('services')}
        />
        <Stack gap={4}>
          <RangeNumberInput
            label={t('setup.expected_users')}
            required
            min={USERS.min}
            max={USERS.max}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            maw={{ sm: 320 }}
            {...form.getInputProps('expectedUsers')}
          />
          <Text size="sm" fw={sample === null ? undefined : 600} role="status" aria-live="polite" data-testid="minimum-sample">
            {sample === null ? t('setup.sample_none') : t('setup.sample', { n: f.integer(sample) })}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput type="date" label={t('setup.opens_on')} required miw={160} {...form.getInputProps('opensOn')} />
            <TextInput type="date" label={t('setup.closes_on')} required miw={160} {...form.getInputProps('closesOn')} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('setup.dates_hint', { zone: zoneOfOffset(offsetMinutes).label })}
          </Text>
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('setup.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('setup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
