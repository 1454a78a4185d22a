/** One indicator in the scheme viewer: text, effective weight, evidence, basis, levels, assumptions. */
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assumption, Indicator } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';
import { AssumptionNotes } from './scheme-assumptions.tsx';

export interface SchemeIndicatorProps {
  indicator: Indicator;
  /** Percent of the unit total. */
  weight: number;
  assumptions: Assumption[];
}

export function SchemeIndicator({ indicator, weight, assumptions }: SchemeIndicatorProps) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const lang = format.lang;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`ind-${indicator.code}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600} id={`ind-${indicator.code}`} style={{ flex: '1 1 240px' }}>
            {indicator.code} · {indicator.text[lang]}
          </Text>
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {t('scheme.indicator.weight', { weight: format.percent(weight, 3) })}
            </Badge>
            {assumptions.length > 0 && (
              <Badge color="yellow" variant="filled" tt="none" c="black">
                {t('scheme.assumption_badge')}
              </Badge>
            )}
          </Group>
        </Group>
        {indicator.guidance && (
          <Text size="sm" c="dimmed">
            {indicator.guidance[lang]}
          </Text>
        )}
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>
                {t('scheme.indicator.level')}
              </Table.Th>
              <Table.Th scope="col">{t('scheme.indicator.descriptor')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicator.scale.levels.map((level) => (
              <Table.Tr key={level.value}>
                <Table.Td className="tabular" fw={700}>
                  {level.value}
                </Table.Td>
                <Table.Td>{level.descriptor[lang]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('scheme.indicator.evidence')} {indicator.evidence.map((kind) => t(`scheme.evidence.${kind}`)).join(', ') || '—'}
          {indicator.basis && ` · ${t('scheme.indicator.basis')} ${indicator.basis}`}
          {indicator.tags?.length ? ` · ${indicator.tags.join(', ')}` : ''}
        </Text>
        <AssumptionNotes assumptions={assumptions} />
      </Stack>
    </Paper>
  );
}
