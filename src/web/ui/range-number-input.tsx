/**
 * A number field with a range that never clamps behind the user's back: Mantine's NumberInput, by
 * default, silently turns 99 into 10 when the field is left. Here the number stays as typed and the
 * field says at once that it is out of range (translated), until the user corrects it; the form
 * refuses to go on meanwhile (`outOfRange`). An error of the form itself (a required field, the
 * server's refusal) takes its place. The one way every ranged number field of the app behaves.
 */
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, toLang } from '../lib/format.ts';

/** A number outside [min, max]; an empty or unparsed field is not (the required check says so). */
export function outOfRange(value: unknown, range: { min?: number | undefined; max?: number | undefined }): boolean {
  return typeof value === 'number' && ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max));
}

export function RangeNumberInput(props: NumberInputProps) {
  const { t, i18n } = useTranslation('ui');
  const { min, max } = props;
  const n = new Intl.NumberFormat(LOCALES[toLang(i18n.language)], { useGrouping: false, maximumFractionDigits: 2 });
  const message =
    min !== undefined && max !== undefined
      ? t('number.range', { min: n.format(min), max: n.format(max) })
      : min !== undefined
        ? t('number.min', { min: n.format(min) })
        : t('number.max', { max: n.format(max ?? 0) });
  const error = props.error || (outOfRange(props.value, { min, max }) ? message : undefined);
  return <NumberInput {...props} clampBehavior="none" error={error} />;
}
