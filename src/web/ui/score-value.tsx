/**
 * A score as published: two decimals in the UI language ("95,31"), tabular digits, an em dash
 * when there is no value, optionally "dari 100" and a "belum lengkap" mark.
 */
import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';

export interface ScoreValueProps extends Omit<TextProps, 'children'> {
  value: number | null | undefined;
  /** Upper end of the scale, shown as "dari 100". */
  max?: number;
  /** Marks a preview or a unit with missing answers. */
  incomplete?: boolean;
}

export function ScoreValue({ value, max, incomplete = false, ...rest }: ScoreValueProps) {
  const { t } = useTranslation('ui');
  const format = useFormat();
  const hasValue = typeof value === 'number' && Number.isFinite(value);
  return (
    <Text span style={{ fontVariantNumeric: 'tabular-nums' }} {...rest}>
      <span data-testid="score-value">{hasValue ? format.score(value) : '—'}</span>
      {max !== undefined && (
        <Text span c="dimmed" fz="0.6em" ml={4}>
          {t('score_value.out_of', { max: format.integer(max) })}
        </Text>
      )}
      {incomplete && (
        <Text span c="var(--mantine-color-orange-text)" fz="0.5em" ml={6} fw={600}>
          {t('score_value.incomplete')}
        </Text>
      )}
    </Text>
  );
}
