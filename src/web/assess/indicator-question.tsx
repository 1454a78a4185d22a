/** One indicator as a required radio group: each level (0–3, 0–5, 1–4) with its descriptor. */
import { memo } from 'react';
import { Radio, Stack, Text } from '@mantine/core';
import type { Indicator } from '../../core/types.ts';
import type { Lang } from '../lib/format.ts';

export interface IndicatorQuestionProps {
  indicator: Indicator;
  value: number | null | undefined;
  onChange: (code: string, value: number) => void;
  lang: Lang;
  error?: string | undefined;
}

export const IndicatorQuestion = memo(function IndicatorQuestion({ indicator, value, onChange, lang, error }: IndicatorQuestionProps) {
  const levels = [...indicator.scale.levels].sort((a, b) => a.value - b.value);
  return (
    <Radio.Group
      id={`q-${indicator.code}`}
      name={`q-${indicator.code}`}
      label={`${indicator.code} · ${indicator.text[lang]}`}
      description={indicator.guidance?.[lang]}
      value={typeof value === 'number' ? String(value) : null}
      onChange={(v) => onChange(indicator.code, Number(v))}
      error={error}
      required
      styles={{ label: { fontWeight: 600, lineHeight: 1.4 } }}
    >
      <Stack gap={6} mt="xs">
        {levels.map((level) => (
          <Radio
            key={level.value}
            value={String(level.value)}
            classNames={{ root: 'level-option' }}
            label={
              <Text span size="sm">
                <Text span fw={700} className="tabular">
                  {level.value}
                </Text>
                {' — '}
                {level.descriptor[lang]}
              </Text>
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
});
